def f(command):
    match command:
        case action:
            print("anything", action)
        case "quit":
            print("never reached")

f("quit")
