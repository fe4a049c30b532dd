s = "Grüße"
print(s.encode("utf-8"))
print(s.encode("latin-1"))
print(s.encode("utf-8").decode("utf-8"))
print(b"\xe9t\xe9".decode("latin-1"))
print("ascii".encode("ascii"))
print(s.encode("ascii", errors="replace"))
