# ChainMap: request settings over app defaults.
from collections import ChainMap

defaults = {"theme": "light", "lang": "en", "page_size": 20}
user = {"theme": "dark"}
settings = ChainMap(user, defaults)
print(settings["theme"], settings["lang"], len(settings), sorted(settings))
settings["lang"] = "fr"
print(user, defaults["lang"], settings.get("missing", "-"), "theme" in settings)
child = settings.new_child({"page_size": 50})
print(child["page_size"], child.parents["page_size"], dict(child) == {**defaults, **user, "page_size": 50})
print(settings.maps[0] is user, list(ChainMap({"a": 1}, {"b": 2}).items()))
try:
    del settings["page_size"]
except KeyError as e:
    print("KeyError:", e)
