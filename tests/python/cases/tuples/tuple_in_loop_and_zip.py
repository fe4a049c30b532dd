points = [(0, 0), (3, 4), (6, 8)]
xs, ys = zip(*points)
print(xs, ys)
print(sum(x * y for x, y in points))
print(tuple(sorted(points, reverse=True)))
