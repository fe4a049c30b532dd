from urllib.parse import urlencode, urlparse, parse_qs

def page_links(path, args, page, pages):
    links = {}
    for label, n in (("prev", page - 1), ("next", page + 1)):
        if 1 <= n <= pages:
            links[label] = path + "?" + urlencode({**args, "page": n})
    return links

print(page_links("/search", {"q": "flask & python"}, 1, 3))
print(page_links("/search", {"q": "x", "sort": "new"}, 3, 3))
u = urlparse(page_links("/s", {"q": "é"}, 1, 2)["next"])
print(u.path, parse_qs(u.query))
