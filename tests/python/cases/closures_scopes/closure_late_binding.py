callbacks = []
for i in range(3):
    callbacks.append(lambda: i)
print([cb() for cb in callbacks])
def make(n):
    return lambda: n
callbacks = [make(i) for i in range(3)]
print([cb() for cb in callbacks])
