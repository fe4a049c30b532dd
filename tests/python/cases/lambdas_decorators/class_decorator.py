registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class User:
    pass
@register
class Admin(User):
    pass
print(registry)
