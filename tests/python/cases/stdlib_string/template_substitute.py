# string.Template: $name and ${name}, $$, safe_substitute, the errors.
from string import Template
t = Template("Hello $name, you owe $$${amount} (${name}!)")
print(t.substitute(name="Ada", amount=42))
print(t.substitute({"name": "Bob", "amount": 3.5}))
print(t.safe_substitute(name="Cy"))
print(Template("$who likes $what").safe_substitute({"who": "tim"}, what="kung pao"))
try:
    t.substitute(name="Dee")
except KeyError as e:
    print("KeyError", e)
try:
    Template("cost: $").substitute()
except ValueError as e:
    print("ValueError", e)
print(Template("$a$b").template, Template("x").substitute())
