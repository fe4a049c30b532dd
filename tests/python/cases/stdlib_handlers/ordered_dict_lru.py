import collections
import itertools

class LRU:
    def __init__(self, size):
        self.size = size
        self.data = {}
    def get(self, key):
        if key not in self.data:
            return None
        self.data[key] = self.data.pop(key)
        return self.data[key]
    def put(self, key, value):
        self.data.pop(key, None)
        self.data[key] = value
        if len(self.data) > self.size:
            oldest = next(iter(self.data))
            print("evict", (oldest, self.data.pop(oldest)))

cache = LRU(2)
cache.put("a", 1)
cache.put("b", 2)
print(cache.get("a"))
cache.put("c", 3)
print(list(cache.data.items()))
print(list(itertools.islice(collections.Counter("abracadabra").elements(), 6)))
