import re

LOG = re.compile(r'(?P<ip>[\d.]+) - - \[(?P<when>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>\S+)')
line = '127.0.0.1 - - [06/Dec/2026 10:00:01] "GET /login HTTP/1.1" 200 -'
m = LOG.match(line)
print(m.group("ip"), m["method"], m.group("path", "when"))
print(m.groupdict())
print(m.start("path"), m.end("path"), m.span("ip"))
print(m.lastgroup, m.lastindex)
print(LOG.groupindex["path"])
