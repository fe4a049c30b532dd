import html

rows = [("ada", "<admin>"), ("bob & co", "viewer"), ('eve"', "x")]

def render(rows):
    out = ["<table>"]
    for name, role in rows:
        out.append(f"  <tr><td>{html.escape(name)}</td><td>{html.escape(role)}</td></tr>")
    out.append("</table>")
    return "\n".join(out)

print(render(rows))
print(html.unescape(html.escape("<&>\"'")) == "<&>\"'")
