counter = 0
def next_id():
    global counter
    counter += 1
    return counter
def make(tag=next_id()):
    return tag
print(make(), make(), make())
print(counter)
