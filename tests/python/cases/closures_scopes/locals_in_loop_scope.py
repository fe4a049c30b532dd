for i in range(3):
    last = i * 10
print(i, last)
if True:
    inside_if = "visible"
print(inside_if)
