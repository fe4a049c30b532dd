class ConfigError(Exception):
    pass
def load(cfg):
    try:
        return cfg["port"]
    except KeyError as e:
        raise ConfigError("port missing") from e
try:
    load({})
except ConfigError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
