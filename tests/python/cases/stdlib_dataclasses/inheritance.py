from dataclasses import dataclass

@dataclass
class Base:
    id: int
    name: str = "?"

@dataclass
class Employee(Base):
    salary: float = 0.0

e = Employee(7, "ann", 100.0)
print(e)
print(Employee(8))
print(e == Employee(7, "ann", 100.0), isinstance(e, Base))
print([cls.__name__ for cls in Employee.__mro__])
