import re

UA = re.compile(r"(?P<browser>Chrome|Firefox|Safari)/(?P<version>[\d.]+)")
agents = [
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "curl/8.4.0",
]
for ua in agents:
    m = UA.search(ua)
    print(m.group("browser", "version") if m else ("unknown", None))
IPV4 = re.compile(r"^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$")
for ip in ["127.0.0.1", "256.1.1.1", "10.0.0", "192.168.001.1"]:
    print(ip, bool(IPV4.match(ip)))
