import textwrap

text = "col1\tcol2\tcol3\nnext line\there"
print(textwrap.wrap(text, 20))
print(textwrap.wrap(text, 20, expand_tabs=False))
print(textwrap.wrap(text, 20, replace_whitespace=False))
print(textwrap.wrap(text, 20, tabsize=2))
print(textwrap.wrap("  leading and trailing  ", 10))
print(textwrap.wrap("  leading and trailing  ", 10, drop_whitespace=False))
