# %-formatting takes any object with __getitem__ as the mapping, and %d uses __int__.
class Fields:
    def __getitem__(self, key):
        return key.upper()

class Score:
    def __int__(self):
        return 42
    def __str__(self):
        return "score"

print("%(name)s and %(role)s" % Fields())
print("%d points for %s" % (Score(), Score()))
print("%5d|%-4i|" % (Score(), Score()))
print("%(a)s" % {"a": 1}, "%s" % [1, 2], "%s" % (Fields.__getitem__(Fields(), "x"),))
try:
    "%x" % Score()
except TypeError as e:
    print("TypeError:", e)
