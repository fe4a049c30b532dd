import hashlib
print(hashlib.sha256(b"hello").hexdigest())
print(hashlib.sha1(b"hello").hexdigest())
h = hashlib.sha256()
h.update(b"hel")
h.update(b"lo")
print(h.hexdigest())
print(len(hashlib.sha256(b"").digest()))
