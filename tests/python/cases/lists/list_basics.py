fruits = ["apple", "banana"]
fruits.append("cherry")
fruits.insert(0, "avocado")
print(fruits)
print(len(fruits), fruits[1], fruits[-1])
fruits.extend(["date", "elder"])
print(fruits)
print(fruits.pop(), fruits.pop(0))
print(fruits)
