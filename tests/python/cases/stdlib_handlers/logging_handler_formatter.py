import logging
import sys

logger = logging.getLogger("app.auth")
logger.setLevel(logging.DEBUG)
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("[%(levelname)-8s] %(name)s: %(message)s"))
logger.addHandler(handler)
logger.propagate = False

def login(user, ok):
    logger.debug("login attempt for %s", user)
    if not ok:
        logger.warning("bad password for %s", user)
        return False
    logger.info("%s logged in", user)
    return True

print(login("ada", True), login("eve", False))
handler.setLevel(logging.WARNING)
login("bob", False)
login("cy", True)
