# Dict and set operations find user keys by __hash__ and then __eq__.
class Email:
    def __init__(self, address):
        self.address = address
    def __eq__(self, other):
        return isinstance(other, Email) and self.address.lower() == other.address.lower()
    def __hash__(self):
        return hash(self.address.lower())
    def __repr__(self):
        return f"Email({self.address!r})"

users = {Email("Ada@example.com"): "ada"}
users[Email("ada@EXAMPLE.com")] = "ada2"
print(users, len(users))
print(users.get(Email("ADA@example.com")), Email("bob@x.org") in users, users.setdefault(Email("b@x"), "b"))
print(users.pop(Email("B@X")), len(users))
seen = {Email("a@x"), Email("A@X"), Email("c@x")}
print(len(seen), Email("C@x") in seen)
seen.discard(Email("a@X"))
seen.add(Email("c@X"))
print(len(seen), sorted(e.address for e in seen))
del users[Email("ada@example.com")]
print(users)
