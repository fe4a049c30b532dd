class Person:
    def __init__(self, name):
        self.name = name
class Employee(Person):
    def __init__(self, name, salary):
        super().__init__(name)
        self.salary = salary
    def __repr__(self):
        return f"Employee({self.name!r}, {self.salary})"
e = Employee("Ann", 5000)
print(e)
print(isinstance(e, Person), issubclass(Employee, Person))
