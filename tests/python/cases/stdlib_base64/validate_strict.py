# validate=True refuses what the default decoder silently skips.
import base64
import binascii

samples = ["aGVsbG8=", "aGVs bG8=", "aGVs\nbG8=", "aGVsbG8=x", "=aGVsbG8", "aGVsbG8==",
           "aGVsbA=A", "aGVsbG8", "aGVsbG8=!", "aGVsbA==", "aGVsbA=="]
for s in samples:
    row = []
    for validate in (False, True):
        try:
            row.append(repr(base64.b64decode(s, validate=validate)))
        except binascii.Error as e:
            row.append(f"Error({e})")
    print(repr(s), *row)
