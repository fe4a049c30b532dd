class Handler:
    def handle(self, request):
        raise NotImplementedError("subclasses must implement handle")
class Echo(Handler):
    def handle(self, request):
        return request
print(Echo().handle("ping"))
try:
    Handler().handle("ping")
except NotImplementedError as e:
    print("NotImplementedError:", e)
