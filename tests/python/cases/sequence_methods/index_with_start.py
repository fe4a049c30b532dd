# list.index and tuple.index honour their start and end arguments.
tags = ["a", "b", "a", "c", "a"]
print(tags.index("a"), tags.index("a", 1), tags.index("a", 3), tags.index("a", -1))
print(tags.index("c", 0, 4))
row = (3, 1, 3, 1)
print(row.index(3, 1), row.index(1, 2, 4), row.index(1, -3))
for args in [("c", 0, 3), ("b", 2), ("a", 10)]:
    try:
        tags.index(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    row.index(3, 3)
except ValueError as e:
    print("ValueError:", e)
