import re

def parse_tags(text):
    return [t.lower() for t in re.findall(r"#(\w+)", text)]

def parse_mentions(text):
    return re.sub(r"@(\w+)", lambda m: f"<a href='/u/{m.group(1)}'>@{m.group(1)}</a>", text)

post = "Loving #Flask and #python with @ada and @bob_99! #Flask"
print(parse_tags(post))
print(parse_mentions(post))
print(sorted(set(parse_tags(post))))
