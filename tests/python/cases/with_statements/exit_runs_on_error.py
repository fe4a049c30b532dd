class Transaction:
    def __enter__(self):
        print("begin")
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type:
            print("rollback because", exc)
        else:
            print("commit")
try:
    with Transaction():
        raise ValueError("constraint failed")
except ValueError:
    print("error propagated")
with Transaction():
    print("work")
