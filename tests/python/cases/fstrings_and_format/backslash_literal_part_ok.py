name = "ada"
print(f"line\none {name}\ttab")
print(f"{name!r:\n>8}")
print(rf"raw \d{name}\w")
newline = "\n"
print(f"{newline.join(['x', 'y'])}")
