def get_name():
    pass
greeting = "Hello, " + get_name()
