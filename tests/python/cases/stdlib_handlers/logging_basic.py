import logging
import sys

logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s", stream=sys.stdout)
log = logging.getLogger("shop")
log.debug("not shown")
log.info("cart has %d items", 3)
log.warning("stock low for %s", "pens")
log.error("payment failed: %r", {"code": 402})
print(log.getEffectiveLevel(), logging.getLevelName(logging.WARNING), log.isEnabledFor(logging.DEBUG))
