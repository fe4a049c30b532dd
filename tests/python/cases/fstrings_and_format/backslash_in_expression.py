name = "world"
print(f"hello {name}")
print(f"{'x\ny'}")
