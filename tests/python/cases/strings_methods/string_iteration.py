word = "hello"
for i, ch in enumerate(word):
    print(i, ch)
print(list(word))
print([c for c in word if c in "aeiou"])
print("".join(reversed(word)))
