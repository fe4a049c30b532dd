# Locals of plain functions (no nested scopes) in every binding form.
import json

counter = 0


def bump(step=1, *extra, scale=1, **opts):
    global counter
    counter += step * scale + sum(extra) + len(opts)
    total = counter
    return total, extra, opts


def unpack_and_loop(pairs):
    out = []
    for key, value in pairs:
        first, *rest = value
        out.append((key, first, rest))
    if (n := len(out)) > 1:
        out.append(n)
    return out


def with_and_import(data):
    import json as j
    from json import dumps
    return j.loads(dumps(data)) == data


def deleted_then_read():
    x = 1
    del x
    try:
        print(x)
    except UnboundLocalError as e:
        print("caught:", e)
    x = 2
    return x


def handler_name_is_unbound_after_except():
    try:
        1 / 0
    except ZeroDivisionError as err:
        print("in handler:", type(err).__name__)
    try:
        return err
    except UnboundLocalError as e:
        return str(e)


def shadow_builtin(seq):
    len = 3
    return len + sum(seq)


def recursive(n):
    if n <= 1:
        return 1
    return n * recursive(n - 1)


print(bump())
print(bump(2, 3, 4, scale=2, a=1))
print(bump(step=5))
print(unpack_and_loop([("a", [1, 2, 3]), ("b", "xy")]))
print(with_and_import({"k": [1, 2]}))
print(deleted_then_read())
print(handler_name_is_unbound_after_except())
print(shadow_builtin([1, 2]))
print(recursive(10))
print(counter)
f = lambda a, b=2: a * b
print(f(3), f(3, b=4), (lambda: counter)())
