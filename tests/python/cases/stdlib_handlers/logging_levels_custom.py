import logging
import sys

out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("%(levelno)s|%(levelname)s|%(name)s|%(message)s"))
log = logging.getLogger("levels")
log.addHandler(out)
log.setLevel(logging.INFO)
log.propagate = False

def handler():
    for level in (logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL):
        log.log(level, "at %s", logging.getLevelName(level))

handler()
log.setLevel("ERROR")
handler()
print(logging.getLevelName(25), logging.getLevelName("INFO"))
