# Level numbers and names.
import logging

for level in [logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL, 0, 15]:
    print(level, logging.getLevelName(level))
print(logging.getLevelName("INFO"), logging.WARN == logging.WARNING, logging.FATAL)
log = logging.getLogger("lv")
log.setLevel("ERROR")
print(log.level, log.getEffectiveLevel())
for bad in ["LOUD", 2.5]:
    try:
        log.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
