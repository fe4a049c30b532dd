def nothing():
    x = 1
def early(flag):
    if flag:
        return
    return "reached"
print(nothing())
print(early(True), early(False))
