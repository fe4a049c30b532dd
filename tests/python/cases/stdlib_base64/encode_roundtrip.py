# b64encode / b64decode round trips of text, as an API token helper would.
import base64

def encode_token(user, role):
    raw = f"{user}:{role}".encode("utf-8")
    return base64.b64encode(raw).decode("ascii")

def decode_token(token):
    user, role = base64.b64decode(token).decode("utf-8").split(":")
    return user, role

for user, role in [("ada", "admin"), ("bob", "user"), ("zoë", "guest"), ("", "")]:
    token = encode_token(user, role)
    print(token, decode_token(token))
print(base64.b64encode(bytes(range(256)))[:40])
print(base64.standard_b64encode(b"\xfb\xff"), base64.standard_b64decode(b"+/8="))
