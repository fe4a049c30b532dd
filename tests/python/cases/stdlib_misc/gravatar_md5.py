import hashlib

def gravatar_url(email, size=80):
    digest = hashlib.md5(email.strip().lower().encode("utf-8")).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?s={size}"

print(gravatar_url("  Alice@Example.com "))
print(gravatar_url("bob@example.org", size=40))
etag = hashlib.md5("<h1>Home</h1>".encode()).hexdigest()
print(f'ETag: "{etag}"')
print(hashlib.sha1(b"abc").hexdigest() != hashlib.md5(b"abc").hexdigest())
