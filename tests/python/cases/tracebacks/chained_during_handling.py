def load(config):
    try:
        return config["port"]
    except KeyError:
        raise ValueError("missing port setting")
load({})
