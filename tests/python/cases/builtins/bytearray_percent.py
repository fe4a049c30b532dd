# bytearray % x: printf-style formatting as bytes % x, the result a new bytearray.
ba = bytearray(b'%s=%d (%5.2f) %x %r %%')
out = ba % (b'key', 42, 3.14159, 255, 'v')
print(out, type(out).__name__, out is ba)
print(bytearray(b'%(name)s is %(age)03d') % {b'name': b'Ada', b'age': 7})
print(bytearray(b'%c%c') % (65, b'B'))
print(bytearray(b'[%b]') % bytearray(b'inner'))
print(b'%s' % bytearray(b'ba'), bytearray(b'%a') % 'caf\xe9')
print(bytearray(b'no args') % ())
acc = bytearray(b'n=%d')
alias = acc
acc %= 5
print(acc, alias, acc is alias)
for bad in [(1, 2), 'text', {}]:
    try:
        print(bytearray(b'%d') % bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    bytearray(b'%s') % 'str'
except TypeError as e:
    print('TypeError:', e)
try:
    bytearray(b'%d %d') % (1,)
except TypeError as e:
    print('TypeError:', e)
try:
    bytearray(b'%z') % 1
except ValueError as e:
    print('ValueError:', e)
print(bytearray(b'%s') % [1])
