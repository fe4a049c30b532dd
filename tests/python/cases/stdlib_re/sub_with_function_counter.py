import re

count = 0

def numbered(m):
    global count
    count += 1
    return f"{count}. {m.group(1)}"

todo = "- buy milk\n- write tests\n- ship it"
print(re.sub(r"^- (.*)$", numbered, todo, flags=re.M))
print(count)
