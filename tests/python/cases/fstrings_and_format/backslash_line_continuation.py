# A backslash continuation moves the blamed token to the next line.
total = f"{'Σ'}{'\\'}" \
    + 'x'
print(total)
