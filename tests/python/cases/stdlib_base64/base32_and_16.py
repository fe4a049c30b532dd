# Base32 (one-time-password secrets) and base16.
import base64
import binascii

secret = base64.b32encode(b"12345678901234567890")
print(secret)
print(base64.b32decode(secret))
for n in range(7):
    enc = base64.b32encode(b"abcdef"[:n])
    print(n, enc, base64.b32decode(enc))
print(base64.b32decode("gezdgnbv", casefold=True))
print(base64.b32decode("O0======", map01="L"))
print(base64.b16encode(b"\x01\xab"), base64.b16decode("01AB"), base64.b16decode("01ab", casefold=True))
for bad in [lambda: base64.b32decode("MZXW6"), lambda: base64.b32decode("MZXW1==="),
            lambda: base64.b32decode("M======="), lambda: base64.b16decode("01ab"),
            lambda: base64.b16decode("ABC")]:
    try:
        bad()
    except binascii.Error as e:
        print("binascii.Error:", e)
