"""A one-page PDF handout of a decision-aid result, for the person to take home.

It holds the route in plain words, why, what the route asks, its terms, other routes, points to note
and what to know about confidentiality and choice, all addressed to the reader ("u"/"you"): the texts
come from the result's "handout" part, and warnings meant for the adviser only are left out. It never holds identities: the result dict only
carries codes and texts from the tree, and a case code is printed only when the caller passes one.
The page is written atomically with mode 0600 (app.fsutil).
"""
from __future__ import annotations

import io
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from babel.dates import format_date
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, ListFlowable, ListItem, Paragraph, Spacer

from app.errors import UserError
from app.fsutil import write_bytes_atomic
from app.guidance.decide import advice_to_print, check_lang, long_date, tree
from app.pdfstyle import FONT, TEAL, Document, styles
from app.texts import message

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
MARGIN = 16 * mm
MAX_CASE_CODE = 40


def _styles() -> dict[str, ParagraphStyle]:
    """The shared PDF styles under the names the handout's parts use."""
    s = styles()
    return {"title": s["h1"], "meta": s["meta"], "intro": s["body"], "h": s["h2"], "route": s["emphasis"],
            "body": s["body"], "footer": s["small"]}


def _bullets(items: list[str], style: ParagraphStyle) -> ListFlowable:
    return ListFlowable(
        [ListItem(Paragraph(escape(i), style), leftIndent=10) for i in items],
        bulletType="bullet", start="•", leftIndent=10, bulletFontName=FONT, bulletFontSize=8,
        bulletColor=TEAL,
    )


def _person_texts(result: dict[str, Any]) -> dict[str, Any]:
    """The texts addressed to the person: the result's "handout" part (tree 2026.2 and later).

    Advice saved by an older tree has no such part; it is printed with its own texts, leaving out the
    warnings the current tree marks as meant for the adviser only.
    """
    own = result.get("handout")
    if isinstance(own, dict):
        return own
    t = tree()
    warning_texts = result.get("warning_texts") or {}
    return {
        "explanation": result.get("explanation") or "",
        "requirements": list(result.get("requirements") or []),
        "reasons": list(result.get("reasons") or []),
        "warnings": [text for code, text in warning_texts.items() if not t.adviser_only(code)],
        "also": list(result.get("also_details") or []),
    }


def _story(result: dict[str, Any], lang: str, case_code: str | None, today: date) -> list:
    t = tree()
    person = _person_texts(result)
    s = _styles()
    story: list = [Paragraph(escape(t.text("handout_title", lang)), s["title"])]
    meta = f"{t.text('handout_date', lang)}: {format_date(today, format='long', locale=LOCALES[lang])}"
    if case_code:
        meta = f"{t.text('handout_case', lang)}: {case_code} · {meta}"
    story += [Paragraph(escape(meta), s["meta"]), Paragraph(escape(t.text("handout_intro", lang)), s["intro"])]

    story += [Paragraph(escape(t.text("handout_recommended", lang)), s["h"]),
              Paragraph(escape(result.get("route_label") or ""), s["route"])]
    if person.get("explanation"):
        story.append(Paragraph(escape(person["explanation"]), s["body"]))

    def section(title_key: str, items: list[str]) -> None:
        if items:
            story.extend([Paragraph(escape(t.text(title_key, lang)), s["h"]), _bullets(items, s["body"])])

    section("handout_helplines", list(person.get("helplines") or []))
    section("handout_why", list(person.get("reasons") or []))
    section("handout_demands", list(person.get("requirements") or []))
    if result.get("route"):
        days = t.text("handout_days", lang)
        terms = [f"{x['label']}: {x.get('display') or days.format(days=x['days'])}. {x['note']}"
                 for x in result.get("terms") or []]
        section("handout_terms", terms or [t.text("handout_no_terms", lang)])
    section("handout_also", [f"{a['label']}: {a['explanation']}" for a in person.get("also") or []])
    section("handout_warnings", list(person.get("warnings") or []))
    section("handout_needs", list(result.get("needs_labels") or []))
    section("handout_legal", list(result.get("legal_references") or []))
    section("handout_know", t.text("handout_know_items", lang))
    version = result.get("tree_version", "?")
    if result.get("legal_checked"):
        footer = t.text("handout_footer", lang).format(
            version=version, checked=long_date(result.get("legal_checked"), lang),
            helplines_checked=long_date(result.get("helplines_checked"), lang))
    else:  # advice saved before the tree recorded when its legal content was checked
        footer = t.text("handout_footer_version", lang).format(version=version)
    if result.get("updated_from"):
        footer += " " + message("handout.updated_from", lang, version=result["updated_from"], current=version)
    story += [Spacer(1, 2), Paragraph(escape(footer), s["footer"])]
    return story


def render_handout_bytes(result: dict[str, Any], lang: str, *, case_code: str | None = None,
                         today: date | None = None) -> bytes:
    """The handout as PDF bytes (one A4 page; long content is scaled down to fit)."""
    check_lang(lang)
    if not isinstance(result, dict):
        raise UserError("handout.no_advice")
    inner = result["result"] if "result" in result and "route" not in result else result  # the saved form
    if not isinstance(inner, dict) or "route" not in inner:
        raise UserError("handout.advice_incomplete")
    if case_code is not None:
        case_code = case_code.strip()
        if len(case_code) > MAX_CASE_CODE:
            raise UserError("handout.case_code_too_long", max_case_code=MAX_CASE_CODE)
    result, replaced = advice_to_print(result, lang)
    if replaced:
        result = dict(result, updated_from=replaced)
    buf = io.BytesIO()
    doc = Document(buf, lang=lang, margin=MARGIN, title=tree().text("handout_title", lang), author="",
                   subject="", invariant=True)
    frame = KeepInFrame(doc.width, doc.height, _story(result, lang, case_code or None, today or date.today()),
                        mode="shrink")
    doc.build([frame])
    return buf.getvalue()


def render_handout(result: dict[str, Any], lang: str, out_path: str, *, case_code: str | None = None) -> None:
    """Write the one-page handout PDF to `out_path` atomically (temp file, fsync, replace, mode 0600)."""
    data = render_handout_bytes(result, lang, case_code=case_code)
    try:
        write_bytes_atomic(out_path, data)
    except PermissionError as exc:
        raise UserError("handout.permission_denied", out_path=out_path) from exc
    except OSError as exc:
        raise UserError("handout.cannot_write", out_path=out_path, strerror=exc.strerror or exc) from exc
