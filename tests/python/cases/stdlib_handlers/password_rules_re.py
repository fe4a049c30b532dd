import re

RULES = [
    (r".{8,}", "at least 8 characters"),
    (r"[A-Z]", "an upper-case letter"),
    (r"[a-z]", "a lower-case letter"),
    (r"\d", "a digit"),
    (r"[^\w\s]", "a symbol"),
]

def check_password(pw):
    missing = [msg for pattern, msg in RULES if not re.search(pattern, pw)]
    return "ok" if not missing else "needs " + ", ".join(missing)

for pw in ["hunter2", "Hunter2!", "CorrectHorse9$", "        "]:
    print(repr(pw), check_password(pw))
