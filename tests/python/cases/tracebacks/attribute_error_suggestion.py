class User:
    def __init__(self):
        self.username = "ann"
u = User()
print(u.usrname)
