session = {}
DEFAULTS = {"theme": "light", "page_size": 20}
def set_pref(key, value):
    if key not in DEFAULTS:
        raise KeyError(f"unknown preference {key!r}")
    prefs = session.setdefault("prefs", dict(DEFAULTS))
    prefs[key] = type(DEFAULTS[key])(value)
    return prefs
print(set_pref("page_size", "50"))
print(set_pref("theme", "dark"))
try:
    set_pref("font", "serif")
except KeyError as e:
    print("error:", e)
