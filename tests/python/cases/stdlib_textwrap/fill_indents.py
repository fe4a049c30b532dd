import textwrap

note = ("Your session cookie is signed, not encrypted: anyone holding it can read "
        "the data inside, but nobody can change it without the secret key.")
print(textwrap.fill(note, width=40, initial_indent="* ", subsequent_indent="  "))
print("---")
print(textwrap.fill(note, 30, initial_indent="Note: ", subsequent_indent="      "))
