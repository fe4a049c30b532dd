user = {"name": "Ann", "age": 30}
user["email"] = "ann@example.com"
print(user)
print(user["name"], len(user))
user["age"] += 1
print(user["age"])
del user["email"]
print(user)
print("name" in user, "email" in user)
