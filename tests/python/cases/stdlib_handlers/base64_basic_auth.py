import base64
import binascii

def parse_basic_auth(header):
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        user, _, password = base64.b64decode(value, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError) as e:
        return f"bad header: {e}"
    return user, password

print(parse_basic_auth("Basic " + base64.b64encode(b"ada:s3cret").decode()))
print(parse_basic_auth("Basic !!!"))
print(parse_basic_auth("Bearer abc"))
print(parse_basic_auth("Basic YWRh"))
