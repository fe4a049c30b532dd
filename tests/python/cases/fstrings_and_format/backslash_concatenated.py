user = "ada"
message = ("Hello "
    f"{user}, "
    f"{chr(10).join(['a', 'b'])} and "
    f"{'\u00e9'}" "!")
print(message)
