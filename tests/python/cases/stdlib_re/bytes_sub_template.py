import re

print(re.sub(rb"(\w+)=(\w+)", rb"\2=\1", b"a=1&b=2"))
print(re.sub(rb"x", lambda m: b"Y", b"axbx"))
print(re.findall(rb"\d+", b"10 20 30"))
print(re.fullmatch(rb"[0-9a-f]+", b"deadbeef"))
