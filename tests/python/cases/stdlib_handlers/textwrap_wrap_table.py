import itertools
import textwrap

rows = [("Cookie", "A small piece of data the browser stores and sends back with each request."),
        ("Session", "Server-side state keyed by a cookie, or signed data inside the cookie itself.")]
for term, definition in rows:
    left = textwrap.wrap(term, 8)
    right = textwrap.wrap(definition, 30)
    for a, b in itertools.zip_longest(left, right, fillvalue=""):
        print(f"{a:<8} | {b}")
    print("-" * 41)
