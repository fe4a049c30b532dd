# Decoding a Flask session cookie by hand: the payload is URL-safe base64 without padding.
import base64
import json

cookie = "eyJjYXJ0IjpbImFwcGxlIiwicGVhciJdLCJ1c2VyIjoiYWRhIn0.ZxYz1A.abcdefghijklmnopqrstuvwxyz0"
payload, timestamp, signature = cookie.split(".")
padded = payload + "=" * (-len(payload) % 4)
data = base64.urlsafe_b64decode(padded)
print(data)
print(json.loads(data))
print(int.from_bytes(base64.urlsafe_b64decode(timestamp + "=" * (-len(timestamp) % 4)), "big"))
print(len(base64.urlsafe_b64decode(signature + "=")))
