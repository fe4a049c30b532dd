import re

EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")

def is_email(text):
    return EMAIL.match(text) is not None

for candidate in ["ada@example.com", "bob.smith+tag@mail.co.uk", "no-at-sign", "a@b", "x@y.z", " spaced@a.b", "ünï@cöde.org"]:
    print(repr(candidate), is_email(candidate))
