names = ["bob", "ann", "bob", "cid", "ann"]
seen = set()
unique = []
for n in names:
    if n not in seen:
        seen.add(n)
        unique.append(n)
print(unique)
print(list(dict.fromkeys(names)))
print(len(set(names)))
