def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"
print(connect("example.com"))
print(connect("example.com", port=443, secure=True))
try:
    connect("example.com", 443)
except TypeError as e:
    print("TypeError:", e)
