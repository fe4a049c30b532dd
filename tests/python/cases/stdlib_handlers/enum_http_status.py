import enum

class Status(enum.IntEnum):
    OK = 200
    CREATED = 201
    NOT_FOUND = 404

def respond(code):
    return f"{code.value} {code.name.replace('_', ' ').title()}"

print(respond(Status.NOT_FOUND), Status.OK == 200, Status.CREATED + 1)
print(sorted([Status.NOT_FOUND, Status.OK]), Status(201))
print([s.name for s in Status if s >= 201])
print(isinstance(Status.OK, int), str(Status.OK), f"{Status.OK}")
