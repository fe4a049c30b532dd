for word in ["a", "abc", "abcdef"]:
    print(f"[{word:<5}] [{word:>5}] [{word:^5}] [{word:*^7}]")
print(f"[{42:>6}] [{42:<6}] [{42:^6}]")
print(f"[{-42:=6}] [{42:+}] [{42: }]")
