visits = 0
def visit():
    global visits
    visits += 1
visit()
visit()
print(visits)
def read_only():
    return visits * 10
print(read_only())
