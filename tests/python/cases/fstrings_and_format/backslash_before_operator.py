# The refusal points at the operator after the string, counted in UTF-8 bytes.
price = f"{'€'}{'\u00a0'}" + '5'
print(price)
