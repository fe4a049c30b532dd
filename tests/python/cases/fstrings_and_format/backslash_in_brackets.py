# Inside brackets the next token may be lines below; comments there are skipped.
parts = (
    f"{'ö'}{'\n'.join('ab')}"  # first part
    # still inside the brackets
    ,
)
print(parts)
