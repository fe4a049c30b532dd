def outer():
    message = "hello"
    def inner():
        return message.upper()
    message = "changed"
    return inner()
print(outer())
