"""The documentation stays navigable: a short README, and every relative link in it, in bench/README.md and in
docs/ resolves."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README_MAX_LINES = 200

FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
CODE_SPAN = re.compile(r"`[^`\n]*`")
# [text](target) and ![alt](target), with an optional "title" after the target.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)  # http:, https:, mailto: …


def documents() -> list[Path]:
    return [ROOT / "README.md", ROOT / "bench" / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def relative_links(path: Path) -> list[str]:
    text = CODE_SPAN.sub("", FENCE.sub("", path.read_text(encoding="utf-8")))
    targets = [m.group(1) for m in LINK.finditer(text)]
    return [t for t in targets if not EXTERNAL.match(t) and not t.startswith("#")]


def test_the_readme_is_at_most_200_lines() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, f"README.md has {len(lines)} lines; move detail into docs/"


def test_every_relative_link_in_the_readme_and_docs_resolves() -> None:
    broken = []
    checked = 0
    for doc in documents():
        for target in relative_links(doc):
            checked += 1
            file_part = target.split("#", 1)[0].split("?", 1)[0]
            if not (doc.parent / file_part).exists():
                broken.append(f"{doc.relative_to(ROOT)}: {target}")
    assert checked > 20, "the link scan found almost nothing: is the pattern still right?"
    assert not broken, "broken relative links:\n" + "\n".join(broken)


def test_the_link_scan_sees_links_and_ignores_code(tmp_path: Path) -> None:
    doc = tmp_path / "x.md"
    doc.write_text("[a](b.md#c) ![i](img/p.png \"t\") <https://e.x> [w](https://e.x) [h](#top)\n"
                   "`[no](code.md)`\n```\n[no](fenced.md)\n```\n", encoding="utf-8")
    assert relative_links(doc) == ["b.md#c", "img/p.png"]
