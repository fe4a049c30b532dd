people = [("ann", 30), ("bob", 25), ("cid", 30), ("dan", 25)]
print(sorted(people, key=lambda p: p[1]))
people.sort(key=lambda p: p[1], reverse=True)
print(people)
