squares = [x * x for x in range(10)]
print(squares)
evens = [x for x in range(20) if x % 2 == 0]
print(evens)
words = ["Hello", "World"]
print([w.lower() for w in words])
print([(i, c) for i, c in enumerate("ab")])
