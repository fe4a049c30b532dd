print("ab" * 3)
print("-" * 20)
print("a" + "b" + "c")
print(3 * "x")
print("" * 100 == "")
parts = []
for i in range(3):
    parts.append(str(i))
print("".join(parts))
