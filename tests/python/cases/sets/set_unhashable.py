try:
    s = {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    d = {{"a": 1}: 2}
except TypeError as e:
    print("TypeError:", e)
