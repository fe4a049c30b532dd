# Sorting records with itemgetter and attrgetter.
from operator import itemgetter, attrgetter, methodcaller

users = [{"name": "bob", "age": 31}, {"name": "ada", "age": 36}, {"name": "cy", "age": 31}]
print(sorted(users, key=itemgetter("age", "name")))
print(list(map(itemgetter("name"), users)), itemgetter(0, -1)("hello"))

class User:
    def __init__(self, name, city):
        self.name, self.address = name, type("A", (), {"city": city})()
people = [User("ada", "Oslo"), User("bob", "Lima")]
print([u.name for u in sorted(people, key=attrgetter("address.city"))])
print(attrgetter("name", "address.city")(people[0]))
print(list(map(methodcaller("strip", "-"), ["-a-", "b--"])), methodcaller("split", ",", 1)("a,b,c"))
print(itemgetter(1), attrgetter("a.b"), methodcaller("get", "k", default=0))
try:
    itemgetter("missing")(users[0])
except KeyError as e:
    print("KeyError:", e)
