import re

data = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\n"
m = re.match(rb"(\w+) (\S+) HTTP/(\d\.\d)", data)
print(m, m.groups())
print(re.findall(rb"[A-Z][a-z]+", data))
print(re.sub(rb"\r\n", b"|", data))
print(re.split(rb":\s*", b"Host: example.com"))
print(re.search(rb"(?i)HOST", data).span())
