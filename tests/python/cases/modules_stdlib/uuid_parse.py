import uuid
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u)
print(repr(u))
print(u.hex)
print(u.version)
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u)
print(str(uuid.UUID(int=0)))
