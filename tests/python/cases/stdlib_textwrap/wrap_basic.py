import textwrap

text = "The quick brown fox jumps over the lazy dog. " * 3
for width in (10, 20, 35, 70):
    lines = textwrap.wrap(text, width)
    print(width, len(lines))
    for line in lines:
        print(repr(line))
