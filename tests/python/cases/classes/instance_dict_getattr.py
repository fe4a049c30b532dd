class Config:
    def __init__(self):
        self.debug = False
        self.name = "app"
c = Config()
print(c.__dict__)
setattr(c, "port", 8000)
print(getattr(c, "port"), getattr(c, "missing", "n/a"))
print(hasattr(c, "debug"), hasattr(c, "nope"))
delattr(c, "debug")
print(vars(c))
