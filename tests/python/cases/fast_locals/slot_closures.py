# Functions with and without nested scopes calling each other; nonlocal and global writes.
def make_counter():
    count = 0

    def increment(by=1):
        nonlocal count
        count += by
        return count

    return increment


def reader():
    value = "outer"

    def inner():
        return value.upper()

    value = "changed"
    return inner()


def super_user():
    class Base:
        def greet(self, name):
            return f"hello {name}"

    class Child(Base):
        def greet(self, name):
            message = super().greet(name)
            return message + "!"

    return Child().greet("zoe")


def comprehension_sees_locals(n):
    base = 10
    return [base + i for i in range(n)]


inc = make_counter()
inc()
print(inc(5))
print(reader())
print(super_user())
print(comprehension_sees_locals(3))


def later_global():
    return missing_name


def unbound():
    print(total)
    total = 1


try:
    later_global()
except NameError as e:
    print(e)
unbound()
