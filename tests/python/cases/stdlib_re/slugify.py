import re

def slugify(title):
    title = title.lower().strip()
    title = re.sub(r"[^\w\s-]", "", title)
    title = re.sub(r"[\s_-]+", "-", title)
    return re.sub(r"^-+|-+$", "", title)

for t in ["Hello, World!", "  Flask & Sessions: a Guide  ", "Über café", "---x---", "a_b c"]:
    print(repr(slugify(t)))
