# Filters on a handler: by logger name or any callable.
import logging
import sys

h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(name)s %(message)s"))
h.addFilter(logging.Filter("api"))
root = logging.getLogger()
root.addHandler(h)
root.setLevel(logging.INFO)
logging.getLogger("api.users").info("kept")
logging.getLogger("apix").info("dropped: not under 'api'")
logging.getLogger("web").info("dropped too")
h.addFilter(lambda record: "secret" not in record.getMessage())
logging.getLogger("api").info("token=secret")
logging.getLogger("api").info("public")
