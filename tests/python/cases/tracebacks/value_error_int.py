age = "twenty"
years = int(age)
print(years)
