# bytes % args: %s/%b take bytes, %r/%a give ascii(repr), %c takes a byte value.
print(b"%r %a %c%c %x" % ("\u00e9", "x", 65, b"B", 255))
print(b"%-6b|%6s|" % (b"ab", b"cd"))
print(b"%(name)s" % {b"name": b"ada"})
try:
    b"%c" % 300
except OverflowError as e:
    print("OverflowError:", e)
b"%s" % "text"
