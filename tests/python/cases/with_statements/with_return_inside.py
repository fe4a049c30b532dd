class Noisy:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *exc):
        print("exit")
def f():
    with Noisy():
        return "returned"
print(f())
