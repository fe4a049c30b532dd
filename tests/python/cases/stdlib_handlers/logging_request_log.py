import logging
import sys

class RequestFilter(logging.Filter):
    def filter(self, record):
        record.path = getattr(record, "path", "-")
        return not record.getMessage().startswith("health")

log = logging.getLogger("werkzeug.test")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(levelname)s %(path)s %(message)s"))
h.addFilter(RequestFilter())
log.addHandler(h)
log.setLevel(logging.INFO)
log.propagate = False
log.info("GET 200", extra={"path": "/"})
log.info("healthcheck ok")
log.warning("slow request", extra={"path": "/report"})
log.info("no path given")
