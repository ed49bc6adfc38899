"""Charts of the account, drawn with matplotlib's Agg canvas and the shipped CJK font (WenQuanYi Micro Hei).

No pyplot and no global rcParams: each call builds its own Figure and passes the font to every text, so
rendering is safe in worker threads and changes nothing for anyone else. Amounts are plotted in yuan
(a float for the axis only; the figures themselves stay integer fen).
"""
from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from models.paths import ASSETS

if TYPE_CHECKING:
    from matplotlib.font_manager import FontProperties

# matplotlib is imported where a chart is drawn, not at start-up: it costs about half a second to import.

FONT_FILE = ASSETS / "fonts" / "wqy-microhei.ttc"
MAX_BARS = 20
COLOR = "#C62828"


@functools.cache
def _font(size: float) -> FontProperties:
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=str(FONT_FILE), size=size)


@dataclass(frozen=True)
class Point:
    label: str
    amount_fen: int


def continuous(points: list[Point], unit: str, first: date | None = None, last: date | None = None) -> list[Point]:
    """Every day (unit "day", keys YYYY-MM-DD) or month ("month", YYYY-MM) from `first` (or the earliest key) to
    `last` (or the latest), in order, a period without sales at 0: a line over time shows the quiet days as zero
    instead of drawing straight across them."""
    if not points and (first is None or last is None):
        return points
    known = {p.label: p.amount_fen for p in points}
    keys = sorted(known)
    start = first or date.fromisoformat(keys[0] if unit == "day" else f"{keys[0]}-01")
    end = last or date.fromisoformat(keys[-1] if unit == "day" else f"{keys[-1]}-01")
    out: list[Point] = []
    current = start if unit == "day" else start.replace(day=1)
    while current <= end and len(out) < 5000:
        label = current.isoformat() if unit == "day" else current.strftime("%Y-%m")
        out.append(Point(label, known.get(label, 0)))
        if unit == "day":
            current += timedelta(days=1)
        else:
            current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out


def _top(points: list[Point]) -> list[Point]:
    """The MAX_BARS - 1 largest, the rest summed as 其他 (others)."""
    if len(points) <= MAX_BARS:
        return points
    ranked = sorted(points, key=lambda p: -p.amount_fen)
    rest = sum(p.amount_fen for p in ranked[MAX_BARS - 1:])
    return [*ranked[:MAX_BARS - 1], Point("其他", rest)]


def _yuan_axis(ax, font: FontProperties) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_ylabel("金额（元）", fontproperties=font)
    for label in ax.get_yticklabels():
        label.set_fontproperties(font)
    ax.grid(axis="y", alpha=0.3)


def render_chart(points: list[Point], kind: str, title: str, width: int = 1000, height: int = 560) -> bytes:
    """A PNG: `kind` "bar" (largest groups, up to MAX_BARS) or "line" (in the order given, e.g. by date)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width / 100, height / 100), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    shown = _top(points) if kind == "bar" else points
    labels = [p.label for p in shown]
    values = [p.amount_fen / 100 for p in shown]
    positions = list(range(len(shown)))
    if kind == "line":
        ax.plot(positions, values, color=COLOR, marker="o" if len(shown) <= 62 else None, linewidth=1.8)
    else:
        ax.bar(positions, values, color=COLOR)
    step = max(1, len(labels) // 24)  # at most ~24 readable labels along the axis
    ax.set_xticks(positions[::step], labels[::step], fontproperties=_font(9), rotation=45 if len(labels) > 6 else 0,
                  ha="right" if len(labels) > 6 else "center")
    ax.set_title(title, fontproperties=_font(14))
    _yuan_axis(ax, _font(9))
    if not values or min(values) >= 0:
        ax.set_ylim(bottom=0)  # amounts start at zero: a small rise never looks like a tenfold one
    if not shown:
        ax.text(0.5, 0.5, "没有数据", transform=ax.transAxes, ha="center", va="center", fontproperties=_font(16))
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()
