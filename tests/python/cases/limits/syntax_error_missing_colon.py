def greet(name)
    return name
