import textwrap

text = "Grüße aus Köln — café, naïve résumé, Straße und Übermut"
print(textwrap.wrap(text, 12))
print(textwrap.shorten(text, 20))
print(textwrap.wrap("ÄÖÜ-äöü über-all", 8))
