# str methods work on instances of a subclass and return plain str unless overridden.
class Name(str):
    def greet(self):
        return "Hello, " + self

n = Name("ada lovelace")
print(n.upper(), type(n.upper()).__name__, n.title(), n.split(), n.replace("a", "4"))
print(n.greet(), type(n.greet()).__name__, n.startswith("ada"), n.find("love"), n.count("a"))
print(str(n), type(str(n)).__name__, f"[{n}]", "{:>15}".format(n), "%s!" % n, format(n, "^16"))
print(" & ".join([n, Name("alan")]), sorted([Name("b"), "a", Name("c")]), list(Name("ab")))
print({n: 1}["ada lovelace"], hash(n) == hash("ada lovelace"), n + "!", "!" + n, n * 2)
print(Name() == "", bool(Name()), Name(42), n < "b", max(Name("x"), "y"))
