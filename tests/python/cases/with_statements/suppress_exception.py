class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print("suppressed", repr(exc))
            return True
        return False
with Suppress(KeyError):
    {}["x"]
print("continued")
