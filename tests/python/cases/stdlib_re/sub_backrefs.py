import re

print(re.sub(r"(\w+)@(\w+)\.com", r"\2 at \1", "write to ada@example.com today"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "Ada Lovelace"))
print(re.sub(r"(\d+)", r"<\g<0>>", "a1b22c333"))
print(re.sub(r"(a)(b)?", r"[\1|\2]", "ab a"))
print(re.sub(r"x", r"\n", "axb") == "a\nb")
print(re.sub(r"x", r"\\", "axb"))
