import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s")
log = logging.getLogger(__name__)

def divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        log.error("cannot divide %s by %s", a, b)
        return None

print(divide(6, 3), divide(1, 0))
log.critical("shutting down")
print(logging.getLogger().level, log.name)
