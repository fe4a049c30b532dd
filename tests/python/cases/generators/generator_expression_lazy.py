def noisy(n):
    for i in range(n):
        print("producing", i)
        yield i
gen = (x * 10 for x in noisy(3))
print("created")
print(next(gen))
print(list(gen))
