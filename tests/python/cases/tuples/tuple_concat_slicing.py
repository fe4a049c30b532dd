days = ("mon", "tue", "wed", "thu", "fri")
print(days[1:3], days[::-1][:2])
weekend = ("sat", "sun")
week = days + weekend
print(len(week), week[-1])
print(week.index("sat"), "sun" in week)
