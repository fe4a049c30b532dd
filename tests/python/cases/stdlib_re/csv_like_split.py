import re

line = 'name, "Lovelace, Ada", 36 ,  "London"'
fields = re.findall(r'\s*("[^"]*"|[^,]*)\s*(?:,|$)', line)
print(fields)
print([f.strip().strip('"') for f in re.split(r',(?=(?:[^"]*"[^"]*")*[^"]*$)', line)])
