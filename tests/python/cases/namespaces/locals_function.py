# locals() in functions: a snapshot of the variables (CPython 3.11: one dict per frame,
# refreshed by each call), writes do not reach the variables.
def f(a, b=2, *args, key=None, **kwargs):
    inside = a + b
    return sorted(locals())


print(f(1))
print(f(1, 2, 3, key=4, extra=5))


def order(x, y):
    z = x * y
    w = z + 1
    return list(locals().items())


print(order(2, 3))


def snapshot():
    d = locals()
    y = 2
    print(sorted(d))
    e = locals()
    print(d is e, sorted(d))
    d['y'] = 100
    print(y)
    d['extra'] = 1
    print(sorted(locals()))
    del y
    print(sorted(locals()))


snapshot()


def unbound_first():
    before = sorted(locals())
    late = 1
    return before, sorted(locals())


print(unbound_first())


def outer(a, b):
    c = 3
    unused = 0

    def inner(q):
        y = 5
        return list(locals()), a, c

    w = 4
    print(list(locals()))
    return inner


print(outer(1, 2)(9))


def counter():
    n = 0

    def incr():
        nonlocal n
        n += 1
        return sorted(locals().items())

    return incr


inc = counter()
inc()
print(inc())
print((lambda q, r=2: sorted(locals().items()))(3))


def gen():
    x = 1
    yield sorted(locals())
    y = 2
    yield sorted(locals())


print(list(gen()))


def render(template, **context):
    return template.format(**context)


def view(user):
    title = 'Home'
    count = len(user)
    return render('{title}: {user} ({count})', **locals())


print(view('ada'))


def shadow():
    locals = 3
    return locals


print(shadow())


def with_vars_and_dir(a):
    b = a * 2
    return sorted(vars()), dir(), vars() is locals()


print(with_vars_and_dir(1))
print([k for k in dir() if not k.startswith('__')][:3])
