class Report:
    @staticmethod
    def ratio(a, b):
        return a / b
    @classmethod
    def build(cls, a, b):
        return cls.ratio(a, b)
print(Report.build(1, 4))
Report.build(1, 0)
