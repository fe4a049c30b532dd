# The playground's `contextlib`: `contextmanager` is native (`_contextlib`); the small context
# managers handlers use are written here for the playground.
from _contextlib import contextmanager


class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        return None

    def __exit__(self, kind, value, traceback):
        # True swallows the exception; only the listed kinds (and their subclasses) are.
        return kind is not None and issubclass(kind, self._exceptions)


class nullcontext:
    # Stands in where a context manager is optional: gives back what it was made with.
    def __init__(self, enter_result=None):
        self._given = enter_result

    def __enter__(self):
        return self._given

    def __exit__(self, kind, value, traceback):
        pass


class closing:
    # Calls .close() on the way out, whatever happened inside.
    def __init__(self, thing):
        self._thing = thing

    def __enter__(self):
        return self._thing

    def __exit__(self, kind, value, traceback):
        self._thing.close()
