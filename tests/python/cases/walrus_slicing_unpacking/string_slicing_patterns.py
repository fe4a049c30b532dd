email = "ann.smith@example.com"
at = email.index("@")
print(email[:at], email[at + 1:])
path = "/users/42/edit"
print(path.split("/")[1:])
print(path[:-5])
token = "abcdef123456"
print(token[:4] + "..." + token[-2:])
