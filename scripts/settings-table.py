#!/usr/bin/env python3
"""Rewrites the attributes table in README.md from SETTINGS in src/config.rs.

The native test `readme_documents_every_setting` fails when the two disagree; run this,
then read the diff."""
import re
from pathlib import Path

root = Path(__file__).resolve().parent.parent
source = (root / "src/config.rs").read_text()
rows = []
for m in re.finditer(
    r'(?:Setting|setting!) \{\s*name: "(.*?)",\s*kind: "(.*?)",\s*default: "(.*?)",\s*example: "(.*?)",\s*description: "(.*?)",\s*\}',
    source,
    re.S,
):
    name, kind, default, example, description = (g.replace('\\"', '"') for g in m.groups())
    rows.append(f"| `{name}` | {kind} | {default} | `{example}` | {description} |")
table = "| name | type | default | example | what it does |\n|---|---|---|---|---|\n" + "\n".join(rows) + "\n"
readme = root / "README.md"
text = readme.read_text()
start = text.index("| name | type | default | example | what it does |")
end = text.index("\n\n", start) + 1
readme.write_text(text[:start] + table + text[end:])
print(f"{len(rows)} settings written to README.md")
