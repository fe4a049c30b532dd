import re

def secure_name(name):
    name = re.sub(r"[/\\]+", " ", name)
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", "_".join(name.split()))
    return name.strip("._")

for n in ["../../etc/passwd", "My Photo (1).jpg", "  hello\tworld.txt ", "naïve.md"]:
    print(repr(secure_name(n)))
