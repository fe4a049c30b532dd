# `base64` for the playground, on the host's CPython-compatible codec.
from _flask_native import _b64encode, _b64decode


def _bytes(s):
    if isinstance(s, str):
        return s.encode("ascii")
    return s


def b64encode(s, altchars=None):
    return _b64encode(_bytes(s), False)


def b64decode(s, altchars=None, validate=False):
    return _b64decode(_bytes(s), False)


def urlsafe_b64encode(s):
    return _b64encode(_bytes(s), True)


def urlsafe_b64decode(s):
    return _b64decode(_bytes(s), True)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)
