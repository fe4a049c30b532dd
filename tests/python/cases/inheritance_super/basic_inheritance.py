class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def intro(self):
        return f"{self.name} says {self.speak()}"
class Cat(Animal):
    def speak(self):
        return "meow"
class Dog(Animal):
    def speak(self):
        return "woof"
for a in [Cat("Tom"), Dog("Rex"), Animal("Generic")]:
    print(a.intro())
