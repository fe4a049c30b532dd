import re

print(re.escape("1+1=2? (yes) [maybe] {no} a.b*c^d$e|f\\g"))
print(re.escape("hello world_123"), re.escape("café-ü"))
print(re.escape(b"a.b+c"))
user = "what?"
print(re.findall(re.escape(user), "what? what?! so what"))
