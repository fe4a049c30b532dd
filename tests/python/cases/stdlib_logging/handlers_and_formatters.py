# A handler on stdout with its own formatter and level.
import logging
import sys

log = logging.getLogger("orders")
log.setLevel(logging.DEBUG)
out = logging.StreamHandler(sys.stdout)
out.setLevel(logging.INFO)
out.setFormatter(logging.Formatter("[%(levelname)-8s] %(name)s | %(message)s"))
log.addHandler(out)
log.debug("dropped by the handler")
log.info("order %s placed", "A-17")
log.error("payment %(id)s failed", {"id": 42})
braces = logging.StreamHandler(sys.stdout)
braces.setFormatter(logging.Formatter("{levelname}:{name}:{message}", style="{"))
log.addHandler(braces)
log.warning("two handlers now")
log.removeHandler(out)
log.critical("one again")
print(log.handlers[0].formatter._fmt if hasattr(log.handlers[0].formatter, "_fmt") else "?")
