import re

def shout(match):
    return match.group(0).upper()

print(re.sub(r"\b[a-z]", shout, "hello flask session world"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 12 pears"))
print(re.subn(r"o", lambda m: "0", "foo boo zoo"))
