class Model:
    def __init__(self, **fields):
        self.fields = fields
class User(Model):
    def __init__(self, name, **extra):
        super().__init__(name=name, **extra)
u = User("ann", email="a@x.org")
print(u.fields)
