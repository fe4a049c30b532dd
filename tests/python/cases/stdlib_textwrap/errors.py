import textwrap

for call in (lambda: textwrap.wrap("abc", 0),
             lambda: textwrap.wrap("abc def", 3, max_lines=1, placeholder=" [...]"),
             lambda: textwrap.shorten("hello world", 4)):
    try:
        print(call())
    except ValueError as e:
        print("ValueError:", e)
print(textwrap.wrap("", 10), textwrap.fill("", 10) == "")
print(textwrap.wrap("   ", 10))
