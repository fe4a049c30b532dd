session = {}
def visit(page):
    history = session.get("history", [])
    history.append(page)
    session["history"] = history[-3:]
    return " > ".join(session["history"])
for p in ["/", "/about", "/blog", "/blog/1", "/contact"]:
    print(visit(p))
