import hashlib
import hmac

print(hashlib.md5(b"").hexdigest())
print(hashlib.md5(b"hello world").hexdigest())
h = hashlib.md5()
h.update(b"session-")
h.update(b"payload")
print(h.hexdigest(), h.digest_size, h.block_size, h.name)
print(hashlib.new("md5", b"abc").hexdigest())
print(hashlib.md5(b"x" * 1000).digest()[:4])
print(hmac.new(b"key", b"message", "md5").hexdigest())
print(hmac.new(b"key", b"message", hashlib.md5).hexdigest())
