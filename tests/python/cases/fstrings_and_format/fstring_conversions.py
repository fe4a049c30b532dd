name = "Ada"
items = ["a", 1]
print(f"{name!r}")
print(f"{name!s}")
print(f"{items!r}")
print(f"{items}")
print(f"{'quote'!a}")
print(f"{'é'!a}")
