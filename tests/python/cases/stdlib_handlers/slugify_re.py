import re

def slugify(title):
    title = title.lower().strip()
    title = re.sub(r"[^\w\s-]", "", title)
    return re.sub(r"[\s_-]+", "-", title).strip("-")

for t in ["Hello, World!", "  Flask  Sessions: a Primer ", "Cookies & Cream -- 2024", "already-a-slug"]:
    print(slugify(t))
