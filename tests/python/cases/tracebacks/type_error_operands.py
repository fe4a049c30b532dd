count = 3
message = "You have " + count + " items"
print(message)
