from dataclasses import dataclass, field, replace, fields, is_dataclass

@dataclass
class Config:
    host: str = "localhost"
    port: int = 5000
    debug: bool = False

c = Config()
d = replace(c, port=8000, debug=True)
print(c)
print(d)
print([f.name for f in fields(Config)], [f.default for f in fields(c)])
print(is_dataclass(c), is_dataclass(Config), is_dataclass({}))
try:
    replace(c, colour="red")
except TypeError as e:
    print("TypeError:", e)
