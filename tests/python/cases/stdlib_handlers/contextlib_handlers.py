import contextlib
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(message)s", level=logging.INFO)

@contextlib.contextmanager
def timed(label):
    logging.info("start %s", label)
    yield label.upper()
    logging.info("end %s", label)

with timed("request") as name:
    print("inside", name)
with contextlib.suppress(KeyError):
    {}["missing"]
    print("not reached")
print("after suppress")
