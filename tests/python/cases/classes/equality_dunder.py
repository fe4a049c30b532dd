class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit
    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return (self.rank, self.suit) == (other.rank, other.suit)
print(Card(10, "h") == Card(10, "h"))
print(Card(10, "h") != Card(9, "h"))
print(Card(1, "s") == "ace")
print(Card(1, "s") in [Card(1, "s")])
