# The playground's `werkzeug.security` (Werkzeug 3.1): password hashes in Werkzeug's format,
# "method$salt$hex", so a hash made here checks in a real app and the other way round. The
# work is hashlib's scrypt and pbkdf2_hmac; their rounds have an allowance of their own
# (python::interp::KEY_DERIVATION_ROUNDS), so a login costs what it costs in real Flask.
import hashlib
import hmac
import os.path
import secrets

SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
DEFAULT_PBKDF2_ITERATIONS = 1_000_000


def gen_salt(length):
    if length <= 0:
        raise ValueError("Salt length must be at least 1.")
    return "".join([secrets.choice(SALT_CHARS) for _ in range(length)])


def _scrypt(settings, salt, password):
    # "scrypt" alone is Werkzeug's default cost; otherwise exactly n, r and p, as ints.
    if settings:
        try:
            n, r, p = [int(setting) for setting in settings]
        except ValueError:
            raise ValueError("'scrypt' takes 3 arguments.") from None
    else:
        n, r, p = 2 ** 15, 8, 1
    key = hashlib.scrypt(password, salt=salt, n=n, r=r, p=p, maxmem=132 * n * r * p)
    return key.hex(), f"scrypt:{n}:{r}:{p}"


def _pbkdf2(settings, salt, password):
    if len(settings) > 2:
        raise ValueError("'pbkdf2' takes 2 arguments.")
    digest = settings[0] if settings else "sha256"
    rounds = int(settings[1]) if len(settings) == 2 else DEFAULT_PBKDF2_ITERATIONS
    key = hashlib.pbkdf2_hmac(digest, password, salt, rounds)
    return key.hex(), f"pbkdf2:{digest}:{rounds}"


_METHODS = {"scrypt": _scrypt, "pbkdf2": _pbkdf2}


def _hash_internal(method, salt, password):
    name, *settings = method.split(":")
    derive = _METHODS.get(name)
    if derive is None:
        raise ValueError(f"Invalid hash method '{name}'.")
    return derive(settings, salt.encode(), password.encode())


def generate_password_hash(password, method="scrypt", salt_length=16):
    salt = gen_salt(salt_length)
    key, used = _hash_internal(method, salt, password)
    return f"{used}${salt}${key}"


def check_password_hash(pwhash, password):
    parts = pwhash.split("$", 2)
    if len(parts) != 3:
        return False
    method, salt, expected = parts
    return hmac.compare_digest(_hash_internal(method, salt, password)[0], expected)


def safe_join(directory, *untrusted):
    # Each untrusted piece, normalised, must stay below `directory`; empty pieces add nothing.
    pieces = [directory or "."]
    for piece in untrusted:
        if not piece:
            continue
        piece = os.path.normpath(piece)
        if piece.startswith("/") or piece == ".." or piece.startswith("../"):
            return None
        pieces.append(piece)
    return os.path.join(*pieces)
