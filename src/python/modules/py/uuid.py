# The playground's `uuid`: UUID objects and uuid4() from the host-seeded generator. A UUID is
# kept as its 128-bit number; the RFC 4122 fields are read from and written into its bits.
import os as _os

RESERVED_NCS = "reserved for NCS compatibility"
RFC_4122 = "specified in RFC 4122"
RESERVED_MICROSOFT = "reserved for Microsoft compatibility"
RESERVED_FUTURE = "reserved for future definition"

# Bit positions in the number: the version is the 4 bits at 76..79, the variant the top bits
# of the clock sequence (63 down to 61).
_VERSION_AT = 76
_VARIANT_AT = 61

_int = int


def _number_from_hex(text):
    # Accepts the 32 digits with or without hyphens, braces, or a "urn:uuid:" prefix.
    for noise in ("urn:", "uuid:"):
        text = text.replace(noise, "")
    digits = text.strip("{}").replace("-", "")
    if len(digits) != 32:
        raise ValueError("badly formed hexadecimal UUID string")
    return _int(digits, 16)


def _stamp_version(number, version):
    # An RFC 4122 UUID of the given version: variant bits 10, then the version nibble.
    number = number & ~(0b11 << (_VARIANT_AT + 1)) | (0b10 << (_VARIANT_AT + 1))
    return number & ~(0xF << _VERSION_AT) | (version << _VERSION_AT)


class UUID:
    def __init__(self, hex=None, bytes=None, int=None, version=None):
        if hex is not None:
            number = _number_from_hex(hex)
        elif bytes is not None:
            if len(bytes) != 16:
                raise ValueError("bytes is not a 16-char string")
            number = _int.from_bytes(bytes, "big")
        elif int is not None:
            if int < 0 or int >= 1 << 128:
                raise ValueError("int is out of range (need a 128-bit value)")
            number = int
        else:
            raise TypeError("one of the hex, bytes, bytes_le, fields, or int arguments must be given")
        if version is not None:
            number = _stamp_version(number, version)
        self.int = number

    @property
    def hex(self):
        return format(self.int, "032x")

    @property
    def bytes(self):
        return self.int.to_bytes(16, "big")

    @property
    def version(self):
        # Only an RFC 4122 UUID has a version.
        if self.variant != RFC_4122:
            return None
        return (self.int >> _VERSION_AT) & 0xF

    @property
    def variant(self):
        top = (self.int >> _VARIANT_AT) & 0b111
        if top < 0b100:
            return RESERVED_NCS
        if top < 0b110:
            return RFC_4122
        if top == 0b110:
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    def __int__(self):
        return self.int

    def __str__(self):
        digits = self.hex
        # 8-4-4-4-12
        return "-".join([digits[0:8], digits[8:12], digits[12:16], digits[16:20], digits[20:32]])

    def __repr__(self):
        return f"{type(self).__name__}({str(self)!r})"

    def __eq__(self, other):
        if isinstance(other, UUID):
            return self.int == other.int
        return False

    def __hash__(self):
        return hash(self.int)

    def __lt__(self, other):
        # Ordered by number; no order with other types.
        return self.int < other.int if isinstance(other, UUID) else NotImplemented


def uuid4():
    return UUID(bytes=_os.urandom(16), version=4)


NAMESPACE_DNS = UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_URL = UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
