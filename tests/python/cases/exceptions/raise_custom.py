class ValidationError(Exception):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
def validate(form):
    if not form.get("email"):
        raise ValidationError("email", "is required")
    return "ok"
try:
    validate({})
except ValidationError as e:
    print(e, "|", e.field, "|", repr(e))
print(validate({"email": "a@b"}))
