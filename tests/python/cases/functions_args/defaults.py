def greet(name, greeting="Hello"):
    return f"{greeting}, {name}!"
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet(greeting="Hey", name="Cid"))
