"""Love card (消费扶贫爱心卡) faces drawn with Pillow from a JSON template.

The layout lives in `assets/templates/card_face.json` (pixels at 300 dpi on an 85.6 × 54 mm card),
so designers change colours, positions, sizes and wording without touching code. Template and fonts
are immutable shipped assets: they are loaded once per process and cached.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import string
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from models.paths import ASSETS
from models.printing.qr import qr_matrix, scale_modules

DEFAULT_TEMPLATE = ASSETS / "templates" / "card_face.json"
PLACEHOLDERS = frozenset({"yuan", "yuan_words", "card_no", "expires_at", "issuer"})


@dataclass(frozen=True)
class CardFace:
    """What one printed card shows. The face value is integer fen (分): 20000 is ¥200."""

    card_no: str
    face_value_fen: int
    expires_at: date
    issuer: str
    qr_text: str
    full_card_no: bool = False  # the whole number on the face (a batch setting); masked by default

    def __post_init__(self) -> None:
        if not isinstance(self.face_value_fen, int) or isinstance(self.face_value_fen, bool):
            raise TypeError(f"face_value_fen must be an int number of fen, got {self.face_value_fen!r}")
        if self.face_value_fen < 0:
            raise ValueError(f"face_value_fen must not be negative, got {self.face_value_fen}")


# --- template --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FontRef:
    file: str  # relative to assets/
    index: int = 0  # face inside a .ttc collection


@dataclass(frozen=True)
class Shape:
    box: tuple[int, int, int, int]  # left, top, right, bottom
    fill: str
    name: str = ""
    radius: int = 0
    outline: str | None = None
    width: int = 1


@dataclass(frozen=True)
class TextSlot:
    name: str
    text: str  # str.format template over PLACEHOLDERS
    x: int
    y: int
    size: int
    color: str
    anchor: str = "la"
    font: str = "regular"
    max_width: int | None = None
    min_size: int | None = None
    enabled: bool = True


@dataclass(frozen=True)
class QrSlot:
    x: int
    y: int
    size: int  # side of the square, quiet zone included
    border_modules: int = 2
    color: str = "#000000"
    background: str = "#FFFFFF"
    min_module_px: int = 3


@dataclass(frozen=True)
class Template:
    width: int
    height: int
    dpi: int
    background: str
    fonts: dict[str, FontRef]
    shapes: tuple[Shape, ...]
    texts: tuple[TextSlot, ...]
    qr: QrSlot
    name: str = ""
    comment: str = field(default="", compare=False)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Template:
        """Build and check a template; unknown keys are errors, so a misspelt one is not ignored."""
        data = dict(raw)
        data["fonts"] = {k: _make(FontRef, v) for k, v in raw["fonts"].items()}
        data["shapes"] = tuple(_make(Shape, {**s, "box": tuple(s["box"])}) for s in raw.get("shapes", ()))
        data["texts"] = tuple(_make(TextSlot, t) for t in raw["texts"])
        data["qr"] = _make(QrSlot, raw["qr"])
        template = _make(cls, data)
        template.check()
        return template

    def check(self) -> None:
        """Fail at load time, not halfway through a print run."""
        for ref in self.fonts.values():
            if not (ASSETS / ref.file).is_file():
                raise ValueError(f"font file not found under assets/: {ref.file}")
        for slot in self.texts:
            if slot.font not in self.fonts:
                raise ValueError(f"text {slot.name!r}: unknown font {slot.font!r}")
            unknown = {f for _, f, _, _ in string.Formatter().parse(slot.text) if f} - PLACEHOLDERS
            if unknown:
                raise ValueError(f"text {slot.name!r}: unknown placeholders {sorted(unknown)}")


def _make(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"{cls.__name__}: unknown keys {sorted(unknown)}")
    return cls(**data)


def load_template(path: Path) -> Template:
    return Template.from_dict(json.loads(path.read_text(encoding="utf-8")))


@functools.cache
def default_template() -> Template:
    return load_template(DEFAULT_TEMPLATE)


@functools.cache
def template_font(file: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    # BASIC layout: Chinese, digits and Latin need no shaping, and it does not depend on libraqm.
    return ImageFont.truetype(str(ASSETS / file), size, index=index, layout_engine=ImageFont.Layout.BASIC)


# --- values shown ----------------------------------------------------------------------------------

def mask_card_no(card_no: str) -> str:
    """`8860123456781234` → `8860 **** **** 1234`: first and last four shown, one `****` per hidden
    group of (up to) four. Spaces and hyphens in the input are ignored. Numbers of eight characters or
    fewer show only their last four."""
    digits = "".join(c for c in card_no if c not in " -")
    if len(digits) <= 8:
        return f"**** {digits[-4:]}" if len(digits) > 4 else "****"
    hidden_groups = -(-(len(digits) - 8) // 4)
    return " ".join([digits[:4], *["****"] * hidden_groups, digits[-4:]])


def group_card_no(card_no: str) -> str:
    """`8860123456781234` → `8860 1234 5678 1234`: the full number in groups of four, for a batch that asks for it."""
    digits = "".join(c for c in card_no if c not in " -")
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))


def format_yuan(fen: int) -> str:
    """Integer fen as yuan without a float: 20000 → `200`, 20050 → `200.50`."""
    yuan, rest = divmod(fen, 100)
    return str(yuan) if rest == 0 else f"{yuan}.{rest:02d}"


def yuan_in_words(fen: int) -> str:
    """Upper-case financial numerals: 20000 → `贰佰元`, 20050 → `贰佰元伍角`."""
    import cn2an  # ~0.4 s to import, so only when a template shows the amount in words

    return str(cn2an.an2cn(format_yuan(fen), "rmb")).removesuffix("整")


class FaceValues(dict[str, str]):
    """Placeholder values, computed on first use (an unused `yuan_words` never imports cn2an)."""

    def __init__(self, face: CardFace) -> None:
        super().__init__()
        self.face = face

    def __missing__(self, key: str) -> str:
        f = self.face
        compute = {
            "yuan": lambda: format_yuan(f.face_value_fen),
            "yuan_words": lambda: yuan_in_words(f.face_value_fen),
            "card_no": lambda: group_card_no(f.card_no) if f.full_card_no else mask_card_no(f.card_no),
            "expires_at": lambda: f.expires_at.isoformat(),
            "issuer": lambda: f.issuer,
        }
        self[key] = value = compute[key]()
        return value


# --- drawing ---------------------------------------------------------------------------------------

def render_card_face(face: CardFace, template: Template | None = None) -> Image.Image:
    """The card face as an RGB image, `template` (default: the shipped one) pixels in size."""
    t = template or default_template()
    card = Image.new("RGB", (t.width, t.height), t.background)
    draw = ImageDraw.Draw(card)
    for shape in t.shapes:
        draw.rounded_rectangle(shape.box, shape.radius, fill=shape.fill, outline=shape.outline,
                               width=shape.width)
    _draw_qr(card, draw, t.qr, face.qr_text)
    values = FaceValues(face)
    for slot in t.texts:
        if slot.enabled:
            _draw_text(draw, t, slot, slot.text.format_map(values))
    return card


def _draw_qr(card: Image.Image, draw: ImageDraw.ImageDraw, slot: QrSlot, text: str) -> None:
    """The symbol centred in the slot at a whole number of pixels per module, so edges stay sharp."""
    dark = qr_matrix(text, border=0)
    module_px = slot.size // (dark.shape[0] + 2 * slot.border_modules)
    if module_px < slot.min_module_px:
        raise ValueError(f"QR text too long for the template: {dark.shape[0]} modules in {slot.size} px")
    draw.rectangle((slot.x, slot.y, slot.x + slot.size - 1, slot.y + slot.size - 1), fill=slot.background)
    offset = (slot.size - dark.shape[0] * module_px) // 2
    card.paste(slot.color, (slot.x + offset, slot.y + offset), scale_modules(dark, module_px))


def _draw_text(draw: ImageDraw.ImageDraw, t: Template, slot: TextSlot, text: str) -> None:
    font, text = fit_text(t, slot, text)
    draw.text((slot.x, slot.y), text, font=font, fill=slot.color, anchor=slot.anchor)


def fit_text(t: Template, slot: TextSlot, text: str) -> tuple[ImageFont.FreeTypeFont, str]:
    """Shrink the text to `max_width` down to `min_size` (2 px steps), then cut it with an ellipsis."""
    ref = t.fonts[slot.font]
    size = slot.size
    font = template_font(ref.file, ref.index, size)
    if slot.max_width is None:
        return font, text
    floor = slot.min_size or slot.size
    while font.getlength(text) > slot.max_width and size > floor:
        size = max(floor, size - 2)
        font = template_font(ref.file, ref.index, size)
    if font.getlength(text) > slot.max_width:
        while len(text) > 1 and font.getlength(text + "…") > slot.max_width:
            text = text[:-1]
        text += "…"
    return font, text
