words = ["pear", "fig", "banana"]
print(min(words), max(words))
print(min(words, key=len), max(words, key=len))
print(max([], default="empty"))
print(min(3, 1, 2), max(1.5, 2))
scores = {"ann": 5, "bob": 9}
print(max(scores, key=scores.get))
