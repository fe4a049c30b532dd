# copy.copy shares nested objects; copy.deepcopy does not.
import copy

settings = {"theme": "dark", "tags": ["a", "b"], "limits": {"max": 3}}
shallow = copy.copy(settings)
deep = copy.deepcopy(settings)
settings["tags"].append("c")
settings["limits"]["max"] = 9
print(shallow["tags"], shallow["limits"])
print(deep["tags"], deep["limits"])
print(shallow is settings, shallow["tags"] is settings["tags"], deep["tags"] is settings["tags"])
t = (1, [2])
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, "x")) == (1, "x"))
print(copy.copy([1, 2]), copy.copy({1, 2}), copy.copy("s"), copy.deepcopy(None))
