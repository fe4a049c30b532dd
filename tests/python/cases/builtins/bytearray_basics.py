# bytearray: a mutable bytes; indexing gives ints, slicing gives bytearrays.
ba = bytearray(b"flask")
print(ba, len(ba), ba[0], ba[-1], ba[1:3], list(ba[:2]), bytes(ba))
print(bytearray(3), bytearray([72, 105]), bytearray("héllo", "utf-8"), bytearray())
print(ba.decode(), ba.hex(), ba.upper(), ba.find(b"as"), ba.split(b"a"), ba.startswith(b"fl"))
print(isinstance(ba, bytearray), type(ba).__name__, bool(bytearray()), 97 in ba, b"las" in ba)
print(repr(bytearray(b"it's")), str(bytearray(b'"q"')), bytearray.fromhex("48 69"))
try:
    hash(ba)
except TypeError as e:
    print("TypeError:", e)
