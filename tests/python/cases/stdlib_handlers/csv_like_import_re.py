import re
import dataclasses

@dataclasses.dataclass
class Contact:
    name: str
    email: str
    age: int

raw = """Ada Lovelace; ada@example.com ; 36
  Bob  ;bob@example.org;7
broken line
Cy;cy@x.io;  41 """
contacts, bad = [], []
for n, line in enumerate(raw.splitlines(), 1):
    m = re.match(r"\s*(?P<name>[^;]+?)\s*;\s*(?P<email>\S+@\S+?)\s*;\s*(?P<age>\d+)\s*$", line)
    if m:
        contacts.append(Contact(m["name"], m["email"], int(m["age"])))
    else:
        bad.append(n)
print(contacts)
print("bad lines:", bad)
