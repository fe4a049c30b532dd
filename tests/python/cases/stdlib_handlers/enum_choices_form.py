import enum
import html

class Size(enum.Enum):
    SMALL = "s"
    MEDIUM = "m"
    LARGE = "l"

def select(name, enum_cls, selected=None):
    out = [f'<select name="{name}">']
    for member in enum_cls:
        sel = " selected" if member is selected else ""
        out.append(f'  <option value="{html.escape(member.value)}"{sel}>{member.name.title()}</option>')
    out.append("</select>")
    return "\n".join(out)

print(select("size", Size, Size.MEDIUM))
print(Size("l"), Size.SMALL.value)
