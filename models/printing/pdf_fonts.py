"""The template's TrueType faces embedded in a card PDF, subset to the characters the run used.

Text is written with 2-byte codes (Identity-H): each character gets the next code the first time a card uses it, so
pages can be written before the run's character set is known. At the end of the run the font is subset with
fontTools (a dependency of matplotlib, declared in pyproject) to those characters only (a few dozen Chinese
characters, digits and the issuer's name: about 10 KB for the whole file instead of the 5 MB collection), and the
font objects are written with a map from each code to its glyph in the subset (CIDToGIDMap), its advance width (W)
and its Unicode text (ToUnicode, so the card number can be searched and copied from the PDF).
"""
from __future__ import annotations

import functools
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from models.paths import ASSETS
from models.printing.pdf_writer import PdfWriter

BFCHAR_CHUNK = 100  # at most 100 entries per beginbfchar block (the CMap specification)


@dataclass(frozen=True)
class SubsetFont:
    data: bytes  # the subset TrueType font (FontFile2)
    postscript_name: str
    glyphs: dict[str, int]  # character → glyph id in the subset; a character the font lacks is absent
    widths: dict[str, int]  # character → advance width in 1/1000 em
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int


def _scale(value: float, units_per_em: int) -> int:
    return round(value * 1000 / units_per_em)


@functools.lru_cache(maxsize=16)
def subset_font(file: str, index: int, chars: frozenset[str]) -> SubsetFont:
    """The face `index` of `assets/<file>` cut down to `chars` (about 0.3 s; the same set is cut once a process)."""
    from fontTools import subset  # imported for a PDF only: the rest of the server never needs it
    from fontTools.ttLib import TTFont

    font = TTFont(str(ASSETS / file), fontNumber=index, lazy=True)
    cmap = font.getBestCmap()
    names = {ch: cmap[ord(ch)] for ch in chars if ord(ch) in cmap}
    upm = font["head"].unitsPerEm
    widths = {ch: _scale(font["hmtx"][name][0], upm) for ch, name in names.items()}
    postscript = re.sub(r"[^A-Za-z0-9-]", "", font["name"].getDebugName(6) or "") or "CardFont"
    head, hhea = font["head"], font["hhea"]
    bbox = tuple(_scale(v, upm) for v in (head.xMin, head.yMin, head.xMax, head.yMax))
    ascent, descent = _scale(hhea.ascent, upm), _scale(hhea.descent, upm)
    options = subset.Options()
    options.notdef_outline = True
    options.name_IDs, options.layout_features, options.hinting = [], [], False
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "DSIG", "name", "post", "vhea", "vmtx", "FFTM", "gasp"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=sorted({font.getGlyphID(name) for name in names.values()}))
    subsetter.subset(font)
    glyphs = {ch: font.getGlyphID(name) for ch, name in names.items()}
    out = io.BytesIO()
    font.save(out)
    return SubsetFont(out.getvalue(), postscript, glyphs, widths, bbox, ascent, descent)  # type: ignore[arg-type]


class EmbeddedFont:
    """One face as one PDF uses it: `encode` text while pages are written, `objects` once at the end."""

    def __init__(self, pdf: PdfWriter, file: str, index: int) -> None:
        self.file, self.index = file, index
        self.number = pdf.reserve()  # the Type0 font object the pages refer to
        self.codes: dict[str, int] = {}

    def encode(self, text: str) -> bytes:
        """`text` as a hex string of 2-byte codes, giving new characters the next free codes."""
        codes = self.codes
        out = []
        for ch in text:
            code = codes.get(ch)
            if code is None:
                code = codes[ch] = len(codes) + 1  # code 0 stays .notdef
            out.append(b"%04X" % code)
        return b"<" + b"".join(out) + b">"

    def objects(self, pdf: PdfWriter) -> Iterator[bytes]:
        font = subset_font(self.file, self.index, frozenset(self.codes))
        chars = list(self.codes)  # in code order: chars[i] has code i + 1
        tag = "".join(chr(65 + b % 26) for b in hashlib.sha1("".join(chars).encode()).digest()[:6])
        name = f"{tag}+{font.postscript_name}".encode()
        cid_font, descriptor, file, to_unicode, cid_to_gid = (pdf.reserve() for _ in range(5))
        yield pdf.obj(self.number, b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
                                   b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (name, cid_font, to_unicode))
        widths = b" ".join(b"%d" % font.widths.get(ch, 1000) for ch in chars)
        yield pdf.obj(cid_font, b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry "
                                b"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 "
                                b"/W [1 [%s]] /CIDToGIDMap %d 0 R >>" % (name, descriptor, widths, cid_to_gid))
        yield pdf.obj(descriptor, b"<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [%d %d %d %d] "
                                  b"/ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %d 0 R >>"
                      % (name, *font.bbox, font.ascent, font.descent, font.ascent, file))
        yield pdf.flate(file, b"/Length1 %d" % len(font.data), font.data)
        yield pdf.flate(to_unicode, b"", _to_unicode(chars))
        gids = [0, *(font.glyphs.get(ch, 0) for ch in chars)]
        yield pdf.flate(cid_to_gid, b"", b"".join(g.to_bytes(2, "big") for g in gids))


def _to_unicode(chars: list[str]) -> bytes:
    """The CMap from each code to its character, so text can be searched and copied."""
    entries = [b"<%04X> <%s>" % (code, ch.encode("utf-16-be").hex().upper().encode())
               for code, ch in enumerate(chars, start=1)]
    blocks = []
    for i in range(0, len(entries), BFCHAR_CHUNK):
        part = entries[i:i + BFCHAR_CHUNK]
        blocks.append(b"%d beginbfchar\n%s\nendbfchar" % (len(part), b"\n".join(part)))
    return (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
            b"endcodespacerange\n%s\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
            % b"\n".join(blocks))
