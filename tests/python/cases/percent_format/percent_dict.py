user = {"name": "Ann", "visits": 3}
print("%(name)s has visited %(visits)d times" % user)
print("%(visits)03d" % user)
