import base64
import dataclasses
import json

@dataclasses.dataclass
class SessionData:
    user_id: int
    cart: list = dataclasses.field(default_factory=list)
    flashes: list = dataclasses.field(default_factory=list)

def dump(s):
    return base64.urlsafe_b64encode(json.dumps(dataclasses.asdict(s)).encode()).decode()

def load(text):
    return SessionData(**json.loads(base64.urlsafe_b64decode(text)))

s = SessionData(7, cart=[3, 4])
token = dump(s)
print(token)
print(load(token), load(token) == s)
