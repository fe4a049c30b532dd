# Key derivation as password storage uses it: PBKDF2-HMAC and scrypt, their lengths and errors.
import hashlib

print(hashlib.pbkdf2_hmac("sha256", b"hunter2", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("SHA1", b"hunter2", b"salt", 2, dklen=50).hex())
print(hashlib.pbkdf2_hmac("md5", bytearray(b"pw"), b"", 3, None).hex())
print(hashlib.pbkdf2_hmac(hash_name="sha256", password=b"pw", salt=b"s", iterations=1, dklen=7))
print(hashlib.scrypt(b"hunter2", salt=b"salt", n=16, r=8, p=1).hex())
print(hashlib.scrypt(password=b"pw", salt=b"", n=1024, r=2, p=3, dklen=16).hex())
print(hashlib.scrypt(b"pw", salt=b"s", n=2**14, r=8, p=1, maxmem=2**25)[:8].hex())

def attempt(label, make):
    try:
        value = make()
    except Exception as error:
        print(label, type(error).__name__, error)
    else:
        print(label, len(value))

attempt("no iterations", lambda: hashlib.pbkdf2_hmac("sha256", b"pw", b"s"))
attempt("no salt", lambda: hashlib.pbkdf2_hmac("sha256", b"pw"))
attempt("nothing", lambda: hashlib.pbkdf2_hmac())
attempt("zero", lambda: hashlib.pbkdf2_hmac("sha256", b"pw", b"s", 0))
attempt("huge", lambda: hashlib.pbkdf2_hmac("sha256", b"pw", b"s", 2**31))
attempt("dklen 0", lambda: hashlib.pbkdf2_hmac("sha256", b"pw", b"s", 1, 0))
attempt("dklen huge", lambda: hashlib.pbkdf2_hmac("sha256", b"pw", b"s", 1, 2**31))
attempt("float", lambda: hashlib.pbkdf2_hmac("sha256", b"pw", b"s", 2.0))
attempt("str password", lambda: hashlib.pbkdf2_hmac("sha256", "pw", b"s", 1))
attempt("bytes name", lambda: hashlib.pbkdf2_hmac(b"sha256", b"pw", b"s", 1))
attempt("unknown", lambda: hashlib.pbkdf2_hmac("nope", b"pw", b"s", 1))
try:
    hashlib.pbkdf2_hmac("no-such-hash", b"pw", b"s", 1)
except ValueError as error:
    print(type(error).__module__, type(error).__name__, error)

attempt("scrypt default memory", lambda: hashlib.scrypt(b"pw", salt=b"s", n=2**15, r=8, p=1))
attempt("scrypt n=3", lambda: hashlib.scrypt(b"pw", salt=b"s", n=3, r=8, p=1))
attempt("scrypt n=1", lambda: hashlib.scrypt(b"pw", salt=b"s", n=1, r=8, p=1))
attempt("scrypt n=True", lambda: hashlib.scrypt(b"pw", salt=b"s", n=True, r=8, p=1))
attempt("scrypt r=0", lambda: hashlib.scrypt(b"pw", salt=b"s", n=2, r=0, p=1))
attempt("scrypt p=0", lambda: hashlib.scrypt(b"pw", salt=b"s", n=2, r=8, p=0))
attempt("scrypt r=-1", lambda: hashlib.scrypt(b"pw", salt=b"s", n=2, r=-1, p=1))
attempt("scrypt no n", lambda: hashlib.scrypt(b"pw", salt=b"s", r=8, p=1))
attempt("scrypt n=None", lambda: hashlib.scrypt(b"pw", salt=b"s", n=None, r=8, p=1))
attempt("scrypt n=2.0", lambda: hashlib.scrypt(b"pw", salt=b"s", n=2.0, r=8, p=1))
attempt("scrypt no salt", lambda: hashlib.scrypt(b"pw", n=2, r=8, p=1))
attempt("scrypt str salt", lambda: hashlib.scrypt(b"pw", salt="s", n=2, r=8, p=1))
attempt("scrypt positional", lambda: hashlib.scrypt(b"pw", b"s", 2, 8, 1))
attempt("scrypt no password", lambda: hashlib.scrypt(salt=b"s", n=2, r=8, p=1))
attempt("scrypt maxmem", lambda: hashlib.scrypt(b"pw", salt=b"s", n=2, r=8, p=1, maxmem=-1))
attempt("scrypt maxmem float", lambda: hashlib.scrypt(b"pw", salt=b"s", n=2, r=8, p=1, maxmem=1.0))
attempt("scrypt dklen", lambda: hashlib.scrypt(b"pw", salt=b"s", n=2, r=8, p=1, dklen=0))
attempt("scrypt n >= 2^16r", lambda: hashlib.scrypt(b"pw", salt=b"s", n=2**16, r=1, p=1))
attempt("scrypt 1 MiB maxmem", lambda: hashlib.scrypt(b"pw", salt=b"s", n=1024, r=8, p=1, maxmem=1000))
