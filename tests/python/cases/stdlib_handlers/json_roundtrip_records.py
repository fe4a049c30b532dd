import dataclasses
import json

@dataclasses.dataclass
class Note:
    id: int
    text: str
    tags: list

notes = [Note(1, "buy milk", ["home"]), Note(2, "café ☕", [])]
text = json.dumps([dataclasses.asdict(n) for n in notes])
print(text)
back = [Note(**d) for d in json.loads(text)]
print(back == notes, back[1].text)
print(json.dumps(dataclasses.asdict(notes[1]), ensure_ascii=False, sort_keys=True, indent=2))
