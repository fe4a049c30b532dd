record = "ann", 30, "admin"
print(record)
name, age, role = record
print(f"{name} ({age}) is {role}")
for index, (key, value) in enumerate([("a", 1), ("b", 2)]):
    print(index, key, value)
