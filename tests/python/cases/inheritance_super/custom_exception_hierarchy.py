class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, resource):
        super().__init__(f"{resource} not found")
        self.resource = resource
try:
    raise NotFound("user 42")
except AppError as e:
    print(type(e).__name__, e, e.resource)
    print(e.args)
