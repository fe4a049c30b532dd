class Mailer:
    def send(self, to, subject):
        return f"to={to} subject={subject}"
m = Mailer()
print(m.send("a@b.c", subject="hi"))
m.send("a@b.c", title="hi")
