import copy

DEFAULT_SETTINGS = {"theme": "light", "notifications": {"email": True, "sms": False}, "tags": []}

def settings_for(overrides):
    settings = copy.deepcopy(DEFAULT_SETTINGS)
    for key, value in overrides.items():
        if isinstance(value, dict):
            settings[key].update(value)
        else:
            settings[key] = value
    return settings

a = settings_for({"notifications": {"sms": True}})
b = settings_for({"theme": "dark"})
a["tags"].append("beta")
print(a)
print(b)
print(DEFAULT_SETTINGS)
