import base64
import json

def decode_flask_cookie(cookie):
    payload = cookie.split(".")[0]
    compressed = payload.startswith(".")
    if compressed:
        payload = payload[1:]
    data = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return json.loads(data)

session = {"logged_in": True, "user": "ada"}
body = base64.urlsafe_b64encode(json.dumps(session, separators=(",", ":")).encode()).rstrip(b"=").decode()
cookie = body + ".ZzFvZw.signaturepart"
print(cookie)
print(decode_flask_cookie(cookie))
