# choice picks an index below len(seq); shuffle swaps from the end (Fisher-Yates).
import random

random.seed(1)
alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
print("".join(random.choice(alphabet) for _ in range(20)))
print(random.choice(["red", "green", "blue"]), random.choice(range(1000)), random.choice((1, 2)))
cards = list(range(1, 14))
random.shuffle(cards)
print(cards)
words = ["login", "logout", "index", "profile"]
random.shuffle(words)
print(words)
