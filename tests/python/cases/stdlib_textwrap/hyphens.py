import textwrap

text = "a well-known co-operative e-mail-address re-use x--y 123-456 self-signed cookie-based"
for width in (6, 9, 12, 16):
    print(width, textwrap.wrap(text, width))
print(textwrap.wrap(text, 12, break_on_hyphens=False))
