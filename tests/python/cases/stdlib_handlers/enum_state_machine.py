import enum
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s", level=logging.INFO)

class Door(enum.Enum):
    OPEN = "open"
    CLOSED = "closed"
    LOCKED = "locked"

MOVES = {(Door.OPEN, "close"): Door.CLOSED, (Door.CLOSED, "open"): Door.OPEN,
         (Door.CLOSED, "lock"): Door.LOCKED, (Door.LOCKED, "unlock"): Door.CLOSED}

state = Door.OPEN
for action in ["close", "lock", "open", "unlock", "open"]:
    nxt = MOVES.get((state, action))
    if nxt is None:
        logging.warning("cannot %s when %s", action, state.value)
    else:
        logging.info("%s: %s -> %s", action, state.name, nxt.name)
        state = nxt
