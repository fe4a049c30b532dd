class Registry(type):
    def __init__(cls, name, bases, namespace):
        cls.registered = sorted(k for k in namespace if not k.startswith("__"))

    def __len__(cls):
        return len(cls.registered)

    def __iter__(cls):
        return iter(cls.registered)

    def __repr__(cls):
        return f"<registry {cls.__name__}>"

class Routes(metaclass=Registry):
    def index(self):
        pass

    def login(self):
        pass

print(Routes, len(Routes), list(Routes), type(Routes).__name__)
