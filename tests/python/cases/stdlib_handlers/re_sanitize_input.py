import re

def clean_username(raw):
    name = raw.strip().lower()
    name = re.sub(r"\s+", "_", name)
    name = re.sub(r"[^a-z0-9_]", "", name)
    if not re.match(r"[a-z]", name):
        raise ValueError(f"username must start with a letter: {raw!r}")
    return name[:16]

for raw in ["Ada Lovelace", "  bob!!  ", "9lives", "Zoë Quinn", "x" * 30]:
    try:
        print(repr(clean_username(raw)))
    except ValueError as e:
        print("ValueError:", e)
