import re

RULE = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")

def rule_to_regex(rule):
    def repl(m):
        conv = m.group("conv") or "string"
        part = {"int": r"\d+", "string": r"[^/]+", "path": r".+"}[conv]
        return f"(?P<{m.group('name')}>{part})"
    return "^" + RULE.sub(repl, rule) + "$"

pattern = rule_to_regex("/user/<int:id>/posts/<slug>")
print(pattern)
for path in ["/user/42/posts/hello-world", "/user/abc/posts/x", "/user/7/posts/"]:
    m = re.match(pattern, path)
    print(path, m.groupdict() if m else None)
