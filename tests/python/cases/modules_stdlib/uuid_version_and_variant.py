# A version given to UUID() is stamped into the number, with the RFC 4122 variant bits.
import uuid

raw = bytes(range(16))
for version in (1, 3, 4, 5):
    u = uuid.UUID(bytes=raw, version=version)
    print(u, u.version, u.variant)

for number in (0, 1 << 63, 5 << 61, 3 << 62, 7 << 61, (1 << 128) - 1, (9 << 76) | (1 << 63)):
    u = uuid.UUID(int=number)
    print(u.variant, u.version, int(u) == number)

a = uuid.UUID("urn:uuid:12345678-1234-5678-1234-567812345678")
b = uuid.UUID(int=a.int + 1)
print(a < b, b < a, a == b, a == str(a), a.bytes.hex())
for bad in (dict(hex="1234"), dict(bytes=b"short"), dict(int=-1), dict(int=1 << 128)):
    try:
        uuid.UUID(**bad)
    except ValueError as e:
        print("ValueError:", e)
