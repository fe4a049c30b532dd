class Status:
    OK = 200
    NOT_FOUND = 404

import math

def describe(code):
    match code:
        case Status.OK:
            return "ok"
        case Status.NOT_FOUND:
            return "missing"
        case math.pi:
            return "pi?"
        case _:
            return "other"

print(describe(200))
print(describe(404))
print(describe(math.pi))
print(describe(3))

OK = 200
match 500:
    case OK if False:
        pass
    case _:
        print("a bare name captures; dotted names compare")
