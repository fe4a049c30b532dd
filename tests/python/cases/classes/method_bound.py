class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return "Hello " + self.name
g = Greeter("Ann")
m = g.greet
print(m())
print(Greeter.greet(g))
print(m.__self__ is g, m.__name__)
