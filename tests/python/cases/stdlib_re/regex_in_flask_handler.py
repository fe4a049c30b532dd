import re

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

def create_post(form):
    errors = {}
    title = form.get("title", "").strip()
    slug = form.get("slug") or re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    if not title:
        errors["title"] = "required"
    if not SLUG.match(slug):
        errors["slug"] = f"invalid slug {slug!r}"
    if errors:
        return {"errors": errors}, 400
    return {"slug": slug}, 201

print(create_post({"title": "My First Post!"}))
print(create_post({"title": "x", "slug": "Bad Slug"}))
print(create_post({"title": ""}))
