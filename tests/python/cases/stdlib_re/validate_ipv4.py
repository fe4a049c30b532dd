import re

OCTET = r"(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
IPV4 = re.compile(rf"^{OCTET}\.{OCTET}\.{OCTET}\.{OCTET}$")
for ip in ["192.168.1.1", "255.255.255.255", "256.1.1.1", "1.2.3", "01.2.3.4", "10.0.0.10"]:
    m = IPV4.match(ip)
    print(ip, m.groups() if m else None)
