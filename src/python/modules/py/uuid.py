# The playground's `uuid`: UUID objects and uuid4() from the host-seeded generator.
import os as _os


class UUID:
    def __init__(self, hex=None, bytes=None, int=None, version=None):
        if hex is not None:
            h = hex.replace("urn:", "").replace("uuid:", "").strip("{}").replace("-", "")
            if len(h) != 32:
                raise ValueError("badly formed hexadecimal UUID string")
            value = _int(h, 16)
        elif bytes is not None:
            if len(bytes) != 16:
                raise ValueError("bytes is not a 16-char string")
            value = _int.from_bytes(bytes, "big")
        elif int is not None:
            value = int
            if not 0 <= value < 1 << 128:
                raise ValueError("int is out of range (need a 128-bit value)")
        else:
            raise TypeError("one of the hex, bytes, bytes_le, fields, or int arguments must be given")
        if version is not None:
            value &= ~(0xc000 << 48)
            value |= 0x8000 << 48
            value &= ~(0xf000 << 64)
            value |= version << 76
        self.int = value

    @property
    def hex(self):
        return "%032x" % self.int

    @property
    def bytes(self):
        return self.int.to_bytes(16, "big")

    @property
    def version(self):
        if self.variant == "specified in RFC 4122":
            return (self.int >> 76) & 0xf
        return None

    @property
    def variant(self):
        if not self.int & (0x8000 << 48):
            return "reserved for NCS compatibility"
        if not self.int & (0x4000 << 48):
            return "specified in RFC 4122"
        if not self.int & (0x2000 << 48):
            return "reserved for Microsoft compatibility"
        return "reserved for future definition"

    def __str__(self):
        h = self.hex
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def __repr__(self):
        return "UUID('%s')" % str(self)

    def __eq__(self, other):
        return isinstance(other, UUID) and self.int == other.int

    def __lt__(self, other):
        if not isinstance(other, UUID):
            return NotImplemented
        return self.int < other.int

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int


_int = int


def uuid4():
    return UUID(bytes=_os.urandom(16), version=4)


NAMESPACE_DNS = UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_URL = UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
