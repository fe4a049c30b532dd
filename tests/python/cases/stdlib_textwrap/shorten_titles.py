import textwrap

titles = [
    "Hello world",
    "How Flask signs the session cookie and why you can still read it",
    "   lots    of     spaces    here   and   there   ",
    "Supercalifragilisticexpialidocious is a long word",
]
for t in titles:
    print(repr(textwrap.shorten(t, width=25)))
    print(repr(textwrap.shorten(t, width=25, placeholder="...")))
