# The f-string refusal blames the comment after the string (CPython counts its bytes).
city = "Zürich"
label = f"{city}: {'\t'.join(['a', 'b'])}"  # café déjà vu
print(label)
