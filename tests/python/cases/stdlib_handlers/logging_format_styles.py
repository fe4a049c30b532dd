import logging
import sys

for fmt, style in (("{levelname}:{message}", "{"), ("$levelname-$message", "$"), ("%(levelname)s=%(message)s", "%")):
    log = logging.getLogger("style" + style)
    h = logging.StreamHandler(sys.stdout)
    h.setFormatter(logging.Formatter(fmt, style=style))
    log.addHandler(h)
    log.propagate = False
    log.warning("disk at %d%%", 91)
