s = "banana"
print(s.find("an"), s.rfind("an"), s.find("x"))
print(s.index("n"), s.rindex("n"))
print(s.count("a"), s.count("an"))
print("an" in s, "xyz" not in s)
print(s.startswith("ba"), s.endswith(("na", "xy")))
