import textwrap

def render_email(name, items):
    body = textwrap.dedent(f"""\
        Hello {name},

        Your order contains {len(items)} items:
        """)
    for item in items:
        body += textwrap.indent(textwrap.fill(item, 30), "    ") + "\n"
    return body

print(render_email("Ada", ["A very long description of a mechanical computing engine part",
                           "Punched cards"]))
