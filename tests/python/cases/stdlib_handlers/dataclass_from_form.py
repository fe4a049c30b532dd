import dataclasses

@dataclasses.dataclass
class Signup:
    username: str
    age: int
    newsletter: bool = False

def from_form(form):
    kwargs = {}
    for f in dataclasses.fields(Signup):
        if f.name in form:
            kwargs[f.name] = f.type(form[f.name]) if f.type is not bool else form[f.name] == "on"
    return Signup(**kwargs)

print(from_form({"username": "ada", "age": "36", "newsletter": "on"}))
print(from_form({"username": "bob", "age": "7"}))
try:
    from_form({"username": "cy"})
except TypeError as e:
    print("TypeError:", e)
print(dataclasses.is_dataclass(Signup), dataclasses.is_dataclass(1))
