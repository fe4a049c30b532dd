import logging
import sys

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("[%(name)s] %(levelname)s: %(message)s"))
logger = logging.getLogger("flaskr")
logger.addHandler(handler)
logger.setLevel(logging.DEBUG)

def view_cart(user, items):
    logger.debug("user %s views cart", user)
    if not items:
        logger.info("empty cart for %s", user)
    total = sum(items)
    if total > 100:
        logger.warning("large order: %.2f", total)
    return total

print(view_cart("ada", []))
print(view_cart("bob", [60, 50.5]))
print(logger.hasHandlers(), len(logger.handlers))
