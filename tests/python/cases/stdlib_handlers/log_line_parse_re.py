import re

LINE = re.compile(
    r'(?P<ip>\d+\.\d+\.\d+\.\d+) - - \[(?P<when>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>\S+) HTTP/1\.1" (?P<status>\d{3})'
)
logs = """127.0.0.1 - - [07/Dec/2026 10:00:01] "GET / HTTP/1.1" 200 -
127.0.0.1 - - [07/Dec/2026 10:00:02] "POST /login HTTP/1.1" 302 -
10.0.0.5 - - [07/Dec/2026 10:00:09] "GET /missing HTTP/1.1" 404 -
garbage line"""
for line in logs.splitlines():
    m = LINE.match(line)
    if m:
        print(m["method"], m["path"], int(m["status"]), m.group("ip"))
    else:
        print("unparsed:", line)
