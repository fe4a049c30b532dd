b = b"hello"
print(b)
print(b[0], b[1:3])
print(len(b))
print(b"a\x00b")
print(bytes([72, 105]))
print(b"caf\xc3\xa9".decode("utf-8"))
print("café".encode("utf-8"))
