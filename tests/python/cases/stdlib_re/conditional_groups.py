import re

p = re.compile(r"(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)")
for s in ["<user@host.com>", "user@host.com", "<user@host.com", "user@host.com>"]:
    m = p.match(s)
    print(s, m.group(2) if m else None)
q = re.compile(r"(?P<quote>')?\w+(?(quote)')")
print(q.fullmatch("'abc'") is not None, q.fullmatch("abc") is not None, q.fullmatch("'abc"))
