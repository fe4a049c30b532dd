class Animal:
    pass

class Dog(Animal):
    def speak(self, loud=False, *, times=1, sep=" "):
        return sep.join(["woof"] * times)

print(Dog.__base__, Animal.__base__, object.__base__)
print(Dog.__bases__, Dog.__mro__)
print(Dog.__name__, Dog.__qualname__, Dog.speak.__qualname__)
print(Dog.speak.__defaults__, Dog.speak.__kwdefaults__)

def plain(a, b=1):
    pass

print(plain.__kwdefaults__, plain.__defaults__)
