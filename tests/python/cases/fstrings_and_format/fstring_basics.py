name = "Ada"
age = 36
print(f"Hello, {name}!")
print(f"{name} is {age} years old")
print(f"Next year: {age + 1}")
print(f"{name.upper()} {len(name)}")
print(f"{{literal braces}} {name}")
