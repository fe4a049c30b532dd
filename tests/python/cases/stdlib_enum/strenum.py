from enum import StrEnum, auto

class Method(StrEnum):
    GET = auto()
    POST = auto()
    DELETE = "DELETE"

print(Method.GET, repr(Method.GET), Method.DELETE)
print(Method.GET == "get", Method("post"), Method.POST.upper())
print(f"[{Method.GET:>6}]", "method=" + Method.POST)
print(list(Method))
