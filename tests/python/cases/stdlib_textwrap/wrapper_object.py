import textwrap

w = textwrap.TextWrapper(width=24, initial_indent="- ", subsequent_indent="  ")
items = ["Read the session cookie", "Decode the payload with base64 and inspect the JSON inside it", "Done"]
for item in items:
    print(w.fill(item))
w.width = 12
print(w.wrap("now narrower than before"))
print(w.width, w.break_long_words, w.max_lines, repr(w.placeholder))
