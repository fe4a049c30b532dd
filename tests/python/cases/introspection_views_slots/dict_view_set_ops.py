old = {"user": "ann", "theme": "dark", "lang": "en"}
new = {"user": "ann", "lang": "fr", "tz": "UTC"}

print(sorted(old.keys() & new.keys()))
print(sorted(old.keys() | new.keys()))
print(sorted(old.keys() - new.keys()))
print(sorted(old.keys() ^ new.keys()))
print(sorted(old.items() - new.items()))
print(sorted(old.items() & new.items()))
print(sorted(old.keys() - ["theme"]), type(old.keys() & new.keys()).__name__)
try:
    old.values() & new.values()
except TypeError as e:
    print("TypeError:", e)
