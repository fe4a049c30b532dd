# Descriptors written in Python: __get__, __set__, __delete__, and the order of a data
# descriptor, the instance's own attribute and a non-data descriptor.


class Positive:
    def __set_name__(self, owner, name):
        self.private = '_' + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return f'<Positive on {objtype.__name__}>'
        return getattr(obj, self.private, 0)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f'{self.private[1:]} must be positive, not {value}')
        setattr(obj, self.private, value)

    def __delete__(self, obj):
        print('deleting', self.private)
        delattr(obj, self.private)


class Cart:
    quantity = Positive()

    def __init__(self, quantity):
        self.quantity = quantity


cart = Cart(3)
print(cart.quantity, Cart.quantity, sorted(vars(cart)))
cart.quantity = 5
print(cart.quantity)
try:
    cart.quantity = -1
except ValueError as error:
    print('ValueError:', error)
# A data descriptor wins over the instance's own attribute of the same name.
cart.__dict__['quantity'] = 'shadow'
print(cart.quantity)
del cart.quantity
print(cart.quantity)


class Lazy:
    """Non-data: computes once, then the instance's attribute hides it."""

    def __init__(self, function):
        self.function = function
        self.name = function.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.function(obj)
        obj.__dict__[self.name] = value
        return value


class Report:
    runs = 0

    @Lazy
    def total(self):
        Report.runs += 1
        return 42


report = Report()
print(report.total, report.total, Report.runs, type(Report.total).__name__)
report.total = 7
print(report.total)


class ReadOnly:
    def __get__(self, obj, objtype=None):
        return 'fixed'

    def __delete__(self, obj):
        pass


class Holder:
    value = ReadOnly()


holder = Holder()
try:
    holder.value = 1
except AttributeError as error:
    print('AttributeError:', error)


class GetSet:
    def __get__(self, obj, objtype=None):
        return 'got'

    def __set__(self, obj, value):
        print('set', value)


class Thing:
    attr = GetSet()


thing = Thing()
thing.attr = 9
print(thing.attr)
try:
    del thing.attr
except AttributeError as error:
    print('AttributeError:', error)
