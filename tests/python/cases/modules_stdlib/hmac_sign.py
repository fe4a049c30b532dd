import hmac
import hashlib
key = b"secret-key"
msg = b"user=ann"
sig = hmac.new(key, msg, hashlib.sha256).hexdigest()
print(sig)
print(hmac.compare_digest(sig, hmac.new(key, msg, "sha256").hexdigest()))
print(hmac.new(key, msg, hashlib.sha1).hexdigest())
