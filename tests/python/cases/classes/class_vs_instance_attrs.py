class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
        self.id = Counter.total
a = Counter()
b = Counter()
print(a.id, b.id, Counter.total, a.total)
a.total = 99
print(a.total, b.total, Counter.total)
