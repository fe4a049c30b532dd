def render(template, **context):
    out = template
    for key, value in context.items():
        out = out.replace("{{ " + key + " }}", str(value))
    return out
page = "<h1>Hello {{ name }}</h1><p>{{ count }} new messages</p>"
print(render(page, name="Ann", count=3))
items = ["a", "b"]
print("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
