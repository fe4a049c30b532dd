# Multiplying a sequence by something that is not an int.
pairs = [([0], "3"), ("ab", 2.0), ((1,), None), (b"x", "y"), ("-", [2])]
for seq, n in pairs:
    try:
        seq * n
    except TypeError as e:
        print("TypeError:", e)
try:
    1.5 * "ab"
except TypeError as e:
    print("TypeError:", e)
row = [1, 2]
try:
    row *= "2"
except TypeError as e:
    print("TypeError:", e)
print("ab" * True, [0] * -2, (1,) * 2)
print("=" * 20)
width = "3"
print("-" * int(width))
print("=" * width)
