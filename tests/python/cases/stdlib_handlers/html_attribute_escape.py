import html

def input_tag(name, value):
    return f'<input name="{html.escape(name)}" value="{html.escape(value)}">'

print(input_tag("q", 'say "hi" & <bye>'))
print(input_tag("note", "it's fine"))
print(html.escape("<a href='x'>", quote=True))
print(html.unescape("&amp;lt; &copy; &#169; &notanentity; &gt"))
