import textwrap

body = "line one\n\nline three\n   \nlast"
print(textwrap.indent(body, "> "))
print(textwrap.indent(body, "+ ", lambda line: True))
print(textwrap.indent(body, "# ", predicate=lambda line: "e" in line))
print(repr(textwrap.indent("a\r\nb\r\n", "  ")))
