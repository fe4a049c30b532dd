scores = {"ann": 3, "bob": 5}
for name in scores:
    print(name, scores[name])
for name, score in scores.items():
    print(f"{name}={score}")
for a, b in zip([1, 2, 3], "xy"):
    print(a, b)
