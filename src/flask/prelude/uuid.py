# A small `uuid` for the playground: UUID values (what Flask's tagged JSON stores) and uuid4
# from the interpreter's seeded generator (no OS randomness).
import secrets as _secrets


class UUID:
    def __init__(self, hex=None, bytes=None, int=None):
        if hex is not None:
            hex = hex.replace("urn:", "").replace("uuid:", "").strip("{}").replace("-", "")
            if len(hex) != 32:
                raise ValueError("badly formed hexadecimal UUID string")
            self.int = _hex_to_int(hex)
        elif bytes is not None:
            self.int = _hex_to_int(bytes.hex())
        elif int is not None:
            self.int = int
        else:
            raise TypeError("one of the hex, bytes, bytes_le, fields, or int arguments must be given")

    @property
    def hex(self):
        return "%032x" % self.int

    @property
    def version(self):
        return (self.int >> 76) & 0xF

    def __str__(self):
        h = self.hex
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def __repr__(self):
        return f"UUID('{self}')"

    def __eq__(self, other):
        return isinstance(other, UUID) and self.int == other.int

    def __hash__(self):
        return hash(self.int)


def _hex_to_int(h):
    value = 0
    for ch in h.lower():
        digit = "0123456789abcdef".find(ch)
        if digit < 0:
            raise ValueError("badly formed hexadecimal UUID string")
        value = value * 16 + digit
    return value


def uuid4():
    value = _hex_to_int(_secrets.token_hex(16))
    value &= ~(0xC000 << 48)
    value |= 0x8000 << 48
    value &= ~(0xF000 << 64)
    value |= 4 << 76
    return UUID(int=value)


NAMESPACE_DNS = UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
