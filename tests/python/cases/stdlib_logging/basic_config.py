# logging.basicConfig with a level and a format; messages go to stderr.
import logging

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("shop")
log.debug("not shown")
log.info("started with %d items", 3)
log.warning("low stock: %s", "apples")
logging.error("root error")
logging.basicConfig(level=logging.DEBUG)
log.debug("still not shown: basicConfig ran once")
print("done")
