import html
import string

page = "<h1>{title}</h1><p>Hello, {user}!</p>"
print(page.format(title=html.escape("Tom & Jerry"), user="ada"))
try:
    page.format(title="x")
except KeyError as e:
    print("KeyError:", e)
print(string.capwords("hello   flask world"), string.ascii_lowercase[:5], string.digits)
print(string.capwords("a-b c-d", "-"), string.punctuation[:6], len(string.printable))
