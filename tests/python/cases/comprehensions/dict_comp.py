names = ["ann", "bob", "cid"]
print({n: len(n) for n in names})
print({n: i for i, n in enumerate(names)})
prices = {"apple": 1.2, "pear": 0.8, "kiwi": 2.5}
print({k: v for k, v in prices.items() if v > 1})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
