import re

qs = "name=Ada+Lovelace&age=36&lang=en&lang=fr&empty="
params = {}
for key, value in re.findall(r"([^&=]+)=([^&]*)", qs):
    params.setdefault(key, []).append(value.replace("+", " "))
print(params)
print(re.split(r"[&;]", "a=1;b=2&c=3"))
