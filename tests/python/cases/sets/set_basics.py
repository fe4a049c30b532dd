nums = {3, 1, 2, 3, 1}
print(len(nums))
print(sorted(nums))
nums.add(10)
nums.discard(1)
nums.discard(99)
print(sorted(nums))
print(2 in nums, 1 in nums)
