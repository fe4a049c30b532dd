# bytes find/index/count/startswith/endswith with start and end, and an int needle.
data = b"GET /a HTTP/1.1 GET /b"
print(data.find(b"GET", 1), data.rfind(b"GET", 0, 10), data.count(b"/", 5))
print(data.index(b"GET", 1), data.find(71), data.find(71, 1), data.count(47))
print(data.startswith(b"/a", 4), data.startswith((b"POST", b"GET"), 16), data.endswith(b"1.1", 0, 15))
print(data.startswith(b"", 30), data.endswith(b"GET", -6, -3))
for bad in [300, -1]:
    try:
        data.find(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    data.startswith("GET")
except TypeError as e:
    print("TypeError:", e)
try:
    data.index(b"POST", 2)
except ValueError as e:
    print("ValueError:", e)
