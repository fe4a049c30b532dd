import textwrap

def handler():
    """
    Show the cart.

        GET /cart -> the items
    Returns HTML.
    """

print(repr(textwrap.dedent(handler.__doc__)))
print(repr(textwrap.dedent("    a\n      b\n    c\n")))
print(repr(textwrap.dedent("  x\n\n    y\n  \n  z")))
print(repr(textwrap.dedent("\tone\n\t\ttwo\n")))
print(repr(textwrap.dedent("  mixed\n\tnot shared\n")))
