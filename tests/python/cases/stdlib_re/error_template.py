import re

for template in [r"\3", r"\g<x>", r"\g<2>", r"\g<1", r"\g", r"\q", r"\g<-1>", r"\g<>"]:
    try:
        print(template, re.sub(r"(a)", template, "a"))
    except re.error as e:
        print(template, "re.error:", e)
    except IndexError as e:
        print(template, "IndexError:", e)
