import re

raw = "Host: example.com\r\nCookie: session=abc; theme=dark\r\nX-Empty:\r\nUser-Agent: test/1.0\r\n"
headers = dict(re.findall(r"^([\w-]+):[ \t]*(.*?)\r?$", raw, re.M))
print(headers)
cookies = dict(re.findall(r"(\w+)=([^;]*)", headers["Cookie"]))
print(cookies)
print(re.sub(r"(?m)^(\w)", lambda m: m.group(1).lower(), "Alpha\nBeta"))
