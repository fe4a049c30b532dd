# Seeding with str or bytes uses all their bits (version 2: the text followed by its SHA-512).
import random

random.seed("flask")
print(random.random())
random.seed(b"flask")
print(random.random())
random.seed("sessions are signed")
print(random.randint(1, 1000))
random.seed(3.25)
print(random.random())
random.seed("")
print(random.random())
