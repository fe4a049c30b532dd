import re

def search_handler(query):
    try:
        pattern = re.compile(query)
    except re.error as exc:
        return 400, f"invalid pattern: {exc}"
    titles = ["Flask sessions", "Cookies 101", "Signed cookies", "Jinja templates"]
    return 200, [t for t in titles if pattern.search(t)]

for q in ["cook", "(?i)COOK", "[", "s$", "*", "^(F|J)"]:
    print(q, search_handler(q))
