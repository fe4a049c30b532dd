nums = [1, 2, 3, 4]
print(sum(x * x for x in nums))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in nums), all(x > 0 for x in nums))
g = (x for x in range(3))
print(list(g), list(g))
print(", ".join(str(n) for n in nums))
