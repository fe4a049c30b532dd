import textwrap

token = "eyJ1c2VyIjoiYWxpY2UifQ.ZxY3hQ.abcdefghijklmnopqrstuvwxyz"
print(textwrap.wrap("cookie: " + token, 16))
print(textwrap.wrap("cookie: " + token, 16, break_long_words=False))
print(textwrap.wrap("super-long-hyphenated-identifier-here", 10))
print(textwrap.wrap("x" * 25, 7))
