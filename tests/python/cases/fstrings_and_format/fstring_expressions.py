scores = {"alice": 90, "bob": 72}
for name, score in scores.items():
    status = "pass" if score >= 75 else "fail"
    print(f"{name:<6}{score:>4} {status}")
print(f"{sum(scores.values()) / len(scores):.1f}")
print(f"{', '.join(sorted(scores))}")
