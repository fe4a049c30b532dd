# Without configuration, a logger's warnings reach stderr through the last resort.
import logging

log = logging.getLogger("app.db")
log.info("hidden")
log.warning("slow query took %.1f s", 2.5)
log.error("connection lost")
print(log.getEffectiveLevel(), logging.getLevelName(log.getEffectiveLevel()))
print(log.isEnabledFor(logging.INFO), log.isEnabledFor(logging.ERROR))
print(logging.getLogger().name, logging.root is logging.getLogger())
