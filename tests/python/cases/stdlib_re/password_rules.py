import re

RULES = [
    (r".{8,}", "at least 8 characters"),
    (r"[A-Z]", "an uppercase letter"),
    (r"[a-z]", "a lowercase letter"),
    (r"\d", "a digit"),
    (r"[!@#$%^&*]", "a symbol"),
]

def problems(pw):
    return [why for rule, why in RULES if not re.search(rule, pw)]

for pw in ["abc", "Password1", "Pa$$w0rd!", "ALLCAPS123!"]:
    print(pw, problems(pw))
