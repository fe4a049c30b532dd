# string.capwords and the string constants in a slug helper.
import string

print(string.capwords("hello   flask  world"), string.capwords("a-b c-d", "-"))
print(string.capwords(" x "), repr(string.capwords("")))
allowed = set(string.ascii_lowercase + string.digits + "-")
def slug(title):
    return "".join(c if c in allowed else "-" for c in title.lower().strip()).strip("-")
print(slug("Hello, World! 2024"))
print(len(string.printable), string.hexdigits, string.octdigits)
