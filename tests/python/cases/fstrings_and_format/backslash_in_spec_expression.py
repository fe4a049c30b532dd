width = 10
items = ["a", "b"]
print(f"{width:>{4}}")
print(f"{'|'.join(items):{'\t'}^8}", "after")
