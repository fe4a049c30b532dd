# bytearray compares equal to bytes with the same content; + keeps the left operand's type.
a = bytearray(b"abc")
print(a == b"abc", b"abc" == a, a == bytearray(b"abc"), a != b"abd", a < b"abd", a > bytearray(b"ab"))
print(a + b"d", b"z" + a, a + bytearray(b"!"), a * 2, 2 * a)
print(type(a + b"d").__name__, type(b"z" + a).__name__)
b = a
b += b"def"
print(a, b is a)
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
a[10] = 0
