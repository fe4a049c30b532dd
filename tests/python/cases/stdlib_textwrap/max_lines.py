import textwrap

text = ("Flask stores the session in a cookie. The browser sends it back on every request "
        "until it expires or the user closes the window.")
for n in (1, 2, 3, 10):
    print(n, textwrap.wrap(text, 30, max_lines=n))
print(textwrap.wrap(text, 30, max_lines=2, placeholder=" (more)"))
print(textwrap.fill("tiny", 30, max_lines=1))
