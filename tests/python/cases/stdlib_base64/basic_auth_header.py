# Reading an HTTP Basic Authorization header.
import base64
import binascii

def parse_basic(header):
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError) as e:
        return f"bad header: {e}"
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else "no colon"

for h in ["Basic YWRhOnNlY3JldA==", "Basic YWRh", "Basic YWRhOnNl!3JldA==", "Bearer abc",
          "Basic YWRhOnNlY3JldA", "Basic /w==", "Basic =YWRh"]:
    print(h, "->", parse_basic(h))
