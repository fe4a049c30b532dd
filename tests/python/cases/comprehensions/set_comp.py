words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print(sorted({w[0] for w in words}))
print({n % 3 for n in range(10)})
print(sorted({len(w) for w in words}))
