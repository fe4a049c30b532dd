# random's errors carry CPython's messages.
import random

for call in (
    lambda: random.choice([]),
    lambda: random.randrange(0),
    lambda: random.randrange(5, 5),
    lambda: random.randrange(1, 10, 0),
    lambda: random.sample([1, 2], 3),
    lambda: random.sample({1, 2}, 1),
    lambda: random.choices("ab", weights=[1], k=2),
    lambda: random.getrandbits(-1),
    lambda: random.seed([1, 2]),
):
    try:
        call()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
