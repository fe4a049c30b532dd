# binascii directly: base64 lines, hex, CRC-32.
import binascii

print(binascii.b2a_base64(b"hello"))
print(binascii.b2a_base64(b"hello", newline=False))
print(binascii.a2b_base64("aGVsbG8=\n"))
print(binascii.a2b_base64(b"aGVs!bG8=", strict_mode=False))
print(binascii.hexlify(b"\x00\xffAB"), binascii.b2a_hex(b"ok"))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", ":"), binascii.hexlify(b"\x01\x02\x03\x04\x05", "-", 2))
print(binascii.unhexlify("48656c6c6f"), binascii.a2b_hex(b"7a7A"))
print(binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")))
for bad in ["abc", "zz", "4g"]:
    try:
        binascii.unhexlify(bad)
    except binascii.Error as e:
        print(bad, e)
