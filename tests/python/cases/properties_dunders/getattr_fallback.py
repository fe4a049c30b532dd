class Record:
    def __init__(self, data):
        self._data = data
    def __getattr__(self, name):
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(f"no field {name!r}") from None
r = Record({"title": "Hello", "id": 7})
print(r.title, r.id)
try:
    r.missing
except AttributeError as e:
    print("AttributeError:", e)
