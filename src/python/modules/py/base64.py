# The playground's `base64`, written for the playground on top of its native `binascii`
# (which owns the base64 decoder and its leniency). Base32 and base16 are done here, byte by
# byte: the texts a Flask app handles are short.
import binascii

_B32 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_B16 = b"0123456789ABCDEF"
# Base32: how many characters of the last 8 are padding, by the input's length mod 5, and how
# many decoded bytes a given number of pad characters drops.
_B32_PADS = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}
_B32_DROP = {0: 0, 1: 1, 3: 2, 4: 3, 6: 4}


def _decode_input(s):
    # What the decoders accept: ASCII str, or anything bytes-like.
    if isinstance(s, str):
        if not s.isascii():
            raise ValueError("string argument should contain only ASCII characters")
        return s.encode("ascii")
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    raise TypeError(
        "argument should be a bytes-like object or ASCII string, not %r"
        % type(s).__name__
    )


def _encode_input(s):
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    raise TypeError("a bytes-like object is required, not %r" % type(s).__name__)


def _swap(data, src, dst):
    # Replace each byte of `src` by the byte of `dst` at the same position.
    if not src:
        return data
    table = dict(zip(src, dst))
    return bytes(table.get(b, b) for b in data)


def b64encode(s, altchars=None):
    out = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        out = _swap(out, b"+/", bytes(altchars))
    return out


def b64decode(s, altchars=None, validate=False):
    data = _decode_input(s)
    if altchars is not None:
        alt = _decode_input(altchars)
        assert len(alt) == 2, repr(alt)
        data = _swap(data, alt, b"+/")
    return binascii.a2b_base64(data, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s, b"-_")


def urlsafe_b64decode(s):
    # "-_" become "+/" (which are accepted as well), then the usual lenient decoding.
    return b64decode(_swap(_decode_input(s), b"-_", b"+/"))


def encodebytes(s):
    data = _encode_input(s)
    # MIME style: 57 input bytes (76 characters) per line, each line ending in a newline.
    return b"".join(
        binascii.b2a_base64(data[i : i + 57]) for i in range(0, len(data), 57)
    )


def decodebytes(s):
    return binascii.a2b_base64(_encode_input(s))


def b32encode(s):
    data = _encode_input(s)
    out = bytearray()
    for start in range(0, len(data), 5):
        chunk = data[start : start + 5]
        number = int.from_bytes(chunk + bytes(5 - len(chunk)), "big")
        for shift in range(35, -5, -5):
            out.append(_B32[(number >> shift) & 31])
    pads = _B32_PADS[len(data) % 5]
    if pads:
        out[-pads:] = b"=" * pads
    return bytes(out)


def b32decode(s, casefold=False, map01=None):
    data = _decode_input(s)
    if len(data) % 8:
        raise binascii.Error("Incorrect padding")
    if map01 is not None:
        target = _decode_input(map01)
        assert len(target) == 1, repr(target)
        data = _swap(data, b"01", b"O" + target)
    if casefold:
        data = data.upper()
    stripped = data.rstrip(b"=")
    pads = len(data) - len(stripped)
    out = bytearray()
    for start in range(0, len(stripped), 8):
        number = 0
        group = stripped[start : start + 8]
        for c in group:
            digit = _B32.find(bytes([c]))
            if digit < 0:
                raise binascii.Error("Non-base32 digit found")
            number = number * 32 + digit
        number <<= 5 * (8 - len(group))
        out += number.to_bytes(5, "big")
    if pads not in _B32_DROP:
        raise binascii.Error("Incorrect padding")
    if data and _B32_DROP[pads]:
        del out[-_B32_DROP[pads] :]
    return bytes(out)


def b16encode(s):
    return binascii.hexlify(_encode_input(s)).upper()


def b16decode(s, casefold=False):
    data = _decode_input(s)
    if casefold:
        data = data.upper()
    for c in data:
        if c not in _B16:
            raise binascii.Error("Non-base16 digit found")
    return binascii.unhexlify(data)
