import textwrap

text = "Logged in. Session saved! Is it signed? Yes. Mr. Smith said 'hi.' Done"
print(textwrap.wrap(text, 30, fix_sentence_endings=True))
print(textwrap.fill(text, 80, fix_sentence_endings=True))
