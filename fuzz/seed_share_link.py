#!/usr/bin/env python3
"""Seeds fuzz/corpus/share_link with the built-in lessons' scripts, as the target's doors read
them: door 1 (`\\x01` + the JSON inside a share link) and door 2 (`\\x02` + a saved-work file
holding the same state). Run from the repository root: python3 fuzz/seed_share_link.py"""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus" / "share_link"
corpus.mkdir(parents=True, exist_ok=True)
for path in sorted((root / "lessons").glob("*.json")):
    lesson = json.loads(path.read_text())
    actions = [{k: v for k, v in step.items() if k != "explain"} for step in lesson["steps"]]
    shared = {"v": 1, "l": lesson["id"], "a": actions}
    (corpus / f"link-{path.stem}").write_bytes(b"\x01" + json.dumps(shared).encode())
    saved = {"version": 1, "current": shared, "saved": [{"name": lesson["id"], "workspace": shared}]}
    (corpus / f"saved-{path.stem}").write_bytes(b"\x02" + json.dumps(saved).encode())
print(f"seeded {corpus.relative_to(root)}")
