s = {1, 2}
s.update([3, 4], (5,))
print(sorted(s))
s.intersection_update({2, 3, 4, 9})
print(sorted(s))
s.difference_update({3})
print(sorted(s))
print(sorted(s.union([7])), sorted(s.intersection([2, 7])))
