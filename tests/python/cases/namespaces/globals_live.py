# globals() is the module namespace itself: reads, writes through it, membership, identity.
counter = 1
g = globals()
print(type(g).__name__, g is globals())
print(g['counter'], globals()['__name__'])
print('later' in globals())
later = 5
print('later' in g, g['later'])
globals()['made_here'] = 'hello'
print(made_here)
g['counter'] += 10
print(counter)
del globals()['later']
try:
    print(later)
except NameError as e:
    print('NameError:', e)


def bump():
    globals()['counter'] = counter + 1
    return globals() is g


print(bump(), counter)


def define(name, value):
    globals()[name] = value


define('configured', [1, 2])
print(configured)
print(sorted(k for k in globals() if not k.startswith('__')))
print(globals().get('missing', 'default'))
print(len([k for k in g.keys() if k == 'counter']))
for name in ['counter', 'configured']:
    print(name, globals()[name])
