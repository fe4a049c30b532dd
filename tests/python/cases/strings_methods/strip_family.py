s = "  padded text \n"
print(repr(s.strip()))
print(repr(s.lstrip()))
print(repr(s.rstrip()))
print("xxhixx".strip("x"))
print("/path/to/".strip("/"))
print("prefix_name".removeprefix("prefix_"))
print("file.txt".removesuffix(".txt"))
