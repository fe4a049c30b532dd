# bytes methods that cut, search and pad.
line = b"GET /index.html HTTP/1.1"
print(line.split(), line.split(b" ", 1), line.rsplit(b"/", 1), line.partition(b" "))
print(line.find(b"/"), line.rfind(b"/"), line.index(b"HTTP"), line.count(b"T"))
print(line.replace(b"GET", b"POST"), b"  x ".lstrip(), b"  x ".rstrip(), b"7".zfill(3))
print(b"ab".center(6, b"*"), b"ab".ljust(4, b"."), b"ab".rjust(4), b"v1.2".removeprefix(b"v"))
try:
    line.find("x")
except TypeError as e:
    print("TypeError:", e)
