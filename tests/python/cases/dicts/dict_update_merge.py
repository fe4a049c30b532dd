defaults = {"theme": "light", "lang": "en"}
prefs = {"lang": "fr", "font": "serif"}
merged = {**defaults, **prefs}
print(merged)
print(defaults | prefs)
defaults.update(prefs)
print(defaults)
defaults.update(size=12)
print(defaults)
d = dict(a=1)
d |= {"b": 2}
print(d)
