# str.maketrans and str.translate, the ways slug helpers use them.
table = str.maketrans("áéí ", "aei-", "!?")
print("Hé llo wí!?".translate(table))
print(str.maketrans({"a": "1", "b": None, 99: 100}))
print("abcabc".translate({ord("a"): "AA", ord("b"): None}))
print("abc".translate(["x", None, "z"] * 50))
print("hello".maketrans("l", "L"))
bad = [
    lambda: str.maketrans(1),
    lambda: str.maketrans({"ab": 1}),
    lambda: str.maketrans("ab", "c"),
    lambda: str.maketrans("a", 1),
    lambda: "a".translate({97: 1.5}),
    lambda: "a".translate({97: 0x110000}),
]
for f in bad:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
