# locals() at module level is globals(); in a class body it is the class namespace; in a
# comprehension it holds the hidden iterator '.0' and the loop variables.
x = 1
print(locals() is globals())
locals()['set_via_locals'] = 7
print(set_via_locals)


class C:
    a = 1
    print(sorted(locals()))
    locals()['b'] = 2
    ns = locals()


print(C.b, sorted(k for k in C.ns if not k.startswith('__')))
print([sorted(locals()) for x in range(2)])
print([sorted(locals()) for x in range(2) for y in 'ab' if y == 'a'])
print({k: sorted(locals()) for k in 'z'})
print(list(sorted(locals()) for x in range(2)))
print(next(len(locals()) for a in 'q' for b in 'r'))


def f():
    return [list(locals()) for i in range(1)]


print(f())
try:
    globals(1)
except TypeError as e:
    print(e)
try:
    locals(1, 2)
except TypeError as e:
    print(e)
try:
    globals(a=1)
except TypeError as e:
    print(e)
try:
    locals(*[])
    print('ok')
except TypeError as e:
    print(e)
g = globals
print(g() is globals(), g()['x'])
print(type(locals()).__name__)
locals(1)
