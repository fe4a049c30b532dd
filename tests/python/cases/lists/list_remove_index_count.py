nums = [3, 1, 4, 1, 5, 9, 2, 6]
nums.remove(1)
print(nums)
print(nums.index(5), nums.count(1))
del nums[0]
print(nums)
del nums[1:3]
print(nums)
nums.clear()
print(nums)
