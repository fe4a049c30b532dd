import base64
import json

payload = {"user_id": 42, "cart": [1, 2], "name": "Zoë"}
raw = json.dumps(payload, separators=(",", ":")).encode()
token = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
print(token)
padded = token + "=" * (-len(token) % 4)
print(json.loads(base64.urlsafe_b64decode(padded)))
print(base64.b64encode(b"\xfb\xff\xfe"), base64.urlsafe_b64encode(b"\xfb\xff\xfe"))
