import datetime
import enum
import json

class Status(enum.Enum):
    OPEN = "open"
    CLOSED = "closed"

def default(obj):
    if isinstance(obj, (datetime.date, datetime.datetime)):
        return obj.isoformat()
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, set):
        return sorted(obj)
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")

ticket = {"id": 7, "status": Status.OPEN, "due": datetime.date(2024, 6, 1), "labels": {3, 1, 2}}
print(json.dumps(ticket, default=default))
try:
    json.dumps({"x": object()}, default=default)
except TypeError as e:
    print("TypeError:", e)
