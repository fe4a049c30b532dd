# product, permutations and combinations: sizes and order.
from itertools import product, permutations, combinations, combinations_with_replacement

sizes, colours = ["S", "M"], ["red", "blue", "green"]
print(list(product(sizes, colours)))
print(len(list(product(range(3), repeat=3))), list(product("ab", repeat=2)))
print(list(permutations("abc")), list(permutations(range(3), 2)))
print(list(combinations([1, 2, 3, 4], 3)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("xy", 3)))
for f in [lambda: combinations("ab", -1), lambda: permutations("ab", -2), lambda: product("a", repeat=-1)]:
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
