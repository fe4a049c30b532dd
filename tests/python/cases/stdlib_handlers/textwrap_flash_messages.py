import html
import textwrap

messages = [
    ("success", "Your profile was saved."),
    ("error", "We could not process your payment because the card number you entered does not match <our records>."),
]
for category, text in messages:
    lines = textwrap.wrap(html.escape(text), 40)
    print(f'<div class="flash {category}">')
    print(textwrap.indent("\n".join(lines), "  "))
    print("</div>")
print(textwrap.shorten(messages[1][1], 50))
