import re

def valid_username(name):
    return bool(re.fullmatch(r"[a-z][a-z0-9_]{2,15}", name))

for name in ["alice", "al", "Alice", "bob_42", "x" * 16, "x" * 17, "9lives", "eve-1", ""]:
    print(f"{name!r:22} {valid_username(name)}")
