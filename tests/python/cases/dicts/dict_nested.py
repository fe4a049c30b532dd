config = {"db": {"host": "localhost", "port": 5432}, "debug": True}
print(config["db"]["port"])
config["db"]["port"] = 5433
config.setdefault("cache", {})["ttl"] = 60
print(config)
for section, values in config.items():
    print(section, values)
