print("ok")
x = 5 +* 3
