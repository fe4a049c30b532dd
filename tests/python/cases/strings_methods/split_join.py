line = "alice,bob,,carol"
print(line.split(","))
print("a b   c".split())
print("a b c".split(" ", 1))
print("k=v=w".rsplit("=", 1))
print("-".join(["x", "y", "z"]))
print("line1\nline2\r\nline3".splitlines())
