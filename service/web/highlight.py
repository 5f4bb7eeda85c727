"""Report text and search snippets as HTML, built piece by piece with every piece escaped.

Document text never reaches a template as a string to be trusted: the text is cut at the
facts' offsets, each slice goes through `markupsafe.escape`, and only our own <mark> tags
(whose attributes are escaped too, by `Markup.format`) join the slices.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

# store table -> the CSS/type name used on the page (mark.fact-place, ...)
KINDS = {"dates": "date", "places": "place", "agencies": "agency", "participants": "count"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # date | place | agency | count
    anchor: str  # the element id, linked from the facts table
    label: str  # shown as the mark's tooltip (the normalised value)


def spans_of(text: str, facts: dict[str, list[dict]]) -> tuple[list[Span], set[str]]:
    """The highlightable spans of a stored record, and the anchors whose offsets are wrong.

    A fact is highlighted only when `text[start:end] == fact.text`, so a stale or broken
    offset never marks the wrong words.
    """
    spans, broken = [], set()
    for table, kind in KINDS.items():
        for fact in facts.get(table) or []:
            anchor = f"f-{kind}-{fact['id']}"
            start, end = fact.get("start"), fact.get("end")
            ok = (
                isinstance(start, int)
                and isinstance(end, int)
                and 0 <= start < end <= len(text)
                and text[start:end] == fact.get("text")
            )
            if not ok:
                broken.add(anchor)
                continue
            spans.append(Span(start, end, kind, anchor, label_of(kind, fact)))
    return spans, broken


def label_of(kind: str, fact: dict) -> str:
    if kind == "date":
        return " ".join(str(v) for v in (fact.get("value"), fact.get("time")) if v)
    if kind == "count":
        return str(fact.get("count"))
    return str(fact.get("name") or "")


_OPEN = Markup('<mark class="fact fact-{}" id="{}" title="{}">')
_OPEN_AGAIN = Markup('<mark class="fact fact-{}" title="{}">')  # a span split by a crossing one
_CLOSE = Markup("</mark>")


def highlight(text: str, spans: list[Span]) -> Markup:
    """`text` with each span wrapped in <mark class="fact fact-KIND">, properly nested.

    The text is cut at every span boundary; each piece is wrapped in the marks covering
    it, outermost (earliest start, then longest) first. Marks that cross are closed and
    reopened, so the HTML always nests.
    """
    order = sorted(spans, key=lambda s: (s.start, -s.end, s.kind))
    bounds = sorted({0, len(text), *(s.start for s in order), *(s.end for s in order)})
    out: list[str] = []
    stack: list[Span] = []
    opened: set[str] = set()
    for a, b in zip(bounds, bounds[1:], strict=False):
        covering = [s for s in order if s.start <= a and s.end >= b]
        keep = 0
        while keep < min(len(stack), len(covering)) and stack[keep] is covering[keep]:
            keep += 1
        out.extend(_CLOSE for _ in stack[keep:])
        del stack[keep:]
        for span in covering[keep:]:
            if span.anchor in opened:
                out.append(_OPEN_AGAIN.format(span.kind, span.label))
            else:
                out.append(_OPEN.format(span.kind, span.anchor, span.label))
                opened.add(span.anchor)
            stack.append(span)
        out.append(escape(text[a:b]))
    out.extend(_CLOSE for _ in stack)
    return Markup("").join(out)


def snippet(raw: str | None, open_mark: str, close_mark: str) -> Markup | None:
    """An FTS5 snippet with private match markers -> escaped HTML with <mark> on matches."""
    if raw is None:
        return None
    first, *rest = raw.split(open_mark)
    out: list[str] = [escape(first.replace(close_mark, ""))]
    for piece in rest:  # each piece starts with a match, closed by close_mark
        matched, _, after = piece.partition(close_mark)
        out.append(Markup("<mark>{}</mark>").format(matched))
        out.append(escape(after.replace(close_mark, "")))
    return Markup("").join(out)
