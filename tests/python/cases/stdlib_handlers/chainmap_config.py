from collections import ChainMap

defaults = {"debug": False, "port": 5000, "host": "127.0.0.1"}
env = {"port": 8000}
cli = {"debug": True}
config = ChainMap(cli, env, defaults)
print(config["debug"], config["port"], config["host"])
print(dict(config))
child = config.new_child({"host": "0.0.0.0"})
print(child["host"], config["host"], len(child))
config["port"] = 9000
print(cli, env)
print(list(config.keys()) == list(dict(config)))
