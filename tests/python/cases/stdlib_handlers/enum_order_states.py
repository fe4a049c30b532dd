from enum import Enum, auto

class OrderState(Enum):
    CART = auto()
    PAID = auto()
    SHIPPED = auto()
    DONE = auto()

NEXT = {OrderState.CART: OrderState.PAID, OrderState.PAID: OrderState.SHIPPED,
        OrderState.SHIPPED: OrderState.DONE}

state = OrderState.CART
while state in NEXT:
    print(state.name, state.value, "->", NEXT[state].name)
    state = NEXT[state]
print(state, repr(state))
print(OrderState["PAID"], OrderState(3), len(OrderState))
try:
    OrderState(9)
except ValueError as e:
    print("ValueError:", e)
