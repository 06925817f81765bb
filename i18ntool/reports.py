"""Coverage as people and scripts read it: a table, JSON, Markdown, CSV and an HTML page.

Every function here takes a ``Coverage`` and returns a string; none prints or reads a file.
The JSON schema is versioned (``"schema": "i18ntool-coverage/1"``) and documented in the
README; a change that could break a script gets a new version.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

from i18ntool.command_reports import COVERAGE_FORMATS
from i18ntool.coverage import Counts, Coverage, Row, Total

SCHEMA = "i18ntool-coverage/1"
FORMATS = COVERAGE_FORMATS

_STATES = ("untranslated", "fuzzy", "translated", "reviewed")


def render(coverage: Coverage, output_format: str, *, words: bool = False, colour: bool = False) -> str:
    """``coverage`` in ``output_format`` (one of ``FORMATS``)."""
    if output_format == "table":
        return table(coverage, words=words, colour=colour)
    if output_format == "json":
        return to_json(coverage)
    if output_format == "markdown":
        return markdown(coverage, words=words)
    if output_format == "csv":
        return to_csv(coverage)
    if output_format == "html":
        return to_html(coverage, words=words)
    raise ValueError(f"unknown report format {output_format!r}")


# -- what every human-readable report says ----------------------------------------------------


def groups(coverage: Coverage) -> Iterator[tuple[Total, list[Row]]]:
    """Rows by language, in the project's order of languages, documents sorted by name."""
    for total in coverage.totals:
        yield (
            total,
            sorted((row for row in coverage.rows if row.language == total.language), key=lambda row: row.document),
        )


def notes(row: Row) -> list[str]:
    """What a reader should know about a row beyond its numbers."""
    found = []
    if not row.exists:
        found.append(f"no catalogue {row.catalogue} yet; run `i18ntool update`")
    elif row.in_step is False:
        parts = [f"{row.missing} new in the source text"] if row.missing else []
        parts += [f"{row.extra} gone from it"] if row.extra else []
        detail = f" ({', '.join(parts)})" if parts else " (references or comments moved)"
        found.append(f"catalogue out of step with {row.source}{detail}; run `i18ntool update`")
    if row.stale_reviews:
        plural = "review is" if row.stale_reviews == 1 else "reviews are"
        found.append(f"{row.stale_reviews} {plural} stale: the text changed after it was signed off")
    if row.figures_carried:
        entries = "entry has its" if row.figures_carried == 1 else "entries have their"
        found.append(f"{row.figures_carried} fuzzy {entries} figures carried by i18ntool; a translator confirms them")
    return found


def unit(words: bool) -> str:
    return "words" if words else "entries"


def language_name(code: str) -> str:
    from babel import Locale, UnknownLocaleError  # here: a table of coverage needs no language's name

    try:
        return f"{Locale.parse(code).english_name} ({code})"
    except (UnknownLocaleError, ValueError):
        return code


def _headline(coverage: Coverage, words: bool) -> str:
    counted = "source words" if words else "entries"
    return f"counted in {counted}; publish threshold {coverage.threshold:g}%"


def _yes_no(value: bool | None) -> str:
    return "-" if value is None else "yes" if value else "no"


def _cells(counts: Counts) -> list[str]:
    return [
        str(counts.total),
        str(counts.untranslated),
        str(counts.fuzzy),
        str(counts.translated),
        str(counts.reviewed),
        f"{counts.percent_translated:.1f}%",
        f"{counts.percent_reviewed:.1f}%",
    ]


def _total_cells(total: Total) -> tuple[str, str]:
    in_step = f"{total.in_step}/{total.with_source}" if total.with_source else "-"
    return in_step, f"{total.publishable}/{total.catalogues}"


# -- table ------------------------------------------------------------------------------------

_COLOURS = {"green": "32", "yellow": "33", "red": "31", "bold": "1", "dim": "2"}


def table(coverage: Coverage, *, words: bool = False, colour: bool = False) -> str:
    """An aligned table for a terminal, a totals row per language, notes below."""

    def paint(text: str, name: str | None) -> str:
        return f"\x1b[{_COLOURS[name]}m{text}\x1b[0m" if colour and name else text

    header = [
        "document",
        "lang",
        unit(words),
        "untransl.",
        "fuzzy",
        "transl.",
        "reviewed",
        "% transl.",
        "% reviewed",
        "in step",
        "publishable",
    ]
    lines: list[tuple[list[str], list[str | None]]] = []
    for total, rows in groups(coverage):
        for row in rows:
            counts = row.counts(words)
            cells = [row.document, row.language, *_cells(counts), _yes_no(row.in_step), _yes_no(row.publishable)]
            styles: list[str | None] = [None] * len(cells)
            styles[7] = _percent_style(counts, coverage.threshold)
            styles[8] = "green" if counts.reviewed == counts.total else None
            styles[9] = "yellow" if row.in_step is False else None
            styles[10] = "green" if row.publishable else "red"
            lines.append((cells, styles))
        cells = ["total", total.language, *_cells(total.counts(words)), *_total_cells(total)]
        lines.append((cells, ["bold"] * len(cells)))
    widths = [
        max(len(cells[index]) for cells in [header, *(cells for cells, _ in lines)]) for index in range(len(header))
    ]
    left = {0, 1, 9, 10}

    def layout(cells: list[str], styles: Sequence[str | None]) -> str:
        last = len(cells) - 1
        padded = [
            paint(cell if index == last else cell.ljust(width) if index in left else cell.rjust(width), style)
            for index, (cell, width, style) in enumerate(zip(cells, widths, styles, strict=True))
        ]
        return "  ".join(padded)

    out = [f"Translation coverage of {coverage.project}, {_headline(coverage, words)}", ""]
    out.append(layout(header, [None] * len(header)))
    for cells, styles in lines:
        out.append(layout(cells, styles))
    remarks = [
        f"{row.document} ({row.language}): {note}"
        for _, rows in groups(coverage)
        for row in rows
        for note in notes(row)
    ]
    if remarks:
        out.append("")
        out.extend(paint(remark, "yellow") for remark in remarks)
    if not coverage.rows:
        out[2:] = ["No catalogues to count."]
    return "\n".join(out) + "\n"


def _percent_style(counts: Counts, threshold: float) -> str:
    if counts.done == counts.total:
        return "green"
    return "red" if counts.done * 100 < threshold * counts.total else "yellow"


# -- JSON -------------------------------------------------------------------------------------


def _counts_json(counts: Counts) -> dict[str, Any]:
    return {
        "total": counts.total,
        "untranslated": counts.untranslated,
        "fuzzy": counts.fuzzy,
        "translated": counts.translated,
        "reviewed": counts.reviewed,
        "obsolete": counts.obsolete,
        "percent_translated": counts.percent_translated,
        "percent_reviewed": counts.percent_reviewed,
    }


def to_json_data(coverage: Coverage) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "project": coverage.project,
        "publish_threshold": coverage.threshold,
        "documents": [
            {
                "document": row.document,
                "language": row.language,
                "source": row.source,
                "catalogue": row.catalogue,
                "catalogue_exists": row.exists,
                "in_step": row.in_step,
                "missing": row.missing,
                "extra": row.extra,
                "entries": _counts_json(row.entries),
                "words": _counts_json(row.counts(words=True)),
                "stale_reviews": row.stale_reviews,
                "publishable": row.publishable,
            }
            for _, rows in groups(coverage)
            for row in rows
        ],
        "totals": [
            {
                "language": total.language,
                "catalogues": total.catalogues,
                "entries": _counts_json(total.entries),
                "words": _counts_json(total.counts(words=True)),
                "stale_reviews": total.stale_reviews,
                "in_step": total.in_step,
                "with_source": total.with_source,
                "publishable": total.publishable,
            }
            for total in coverage.totals
        ],
    }


def to_json(coverage: Coverage) -> str:
    return json.dumps(to_json_data(coverage), indent=2, ensure_ascii=False) + "\n"


# -- Markdown ---------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#!])")


def _markdown_text(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown(coverage: Coverage, *, words: bool = False) -> str:
    """A GitHub-flavoured Markdown table, to paste into a pull request."""
    out = [
        f"### Translation coverage: {_markdown_text(coverage.project)}",
        "",
        f"{_headline(coverage, words).capitalize()}.",
        "",
    ]
    if not coverage.rows:
        return "\n".join([*out, "No catalogues to count."]) + "\n"
    header = [
        "Document",
        "Language",
        unit(words).capitalize(),
        "Untranslated",
        "Fuzzy",
        "Translated",
        "Reviewed",
        "% translated",
        "% reviewed",
        "In step",
        "Publishable",
    ]
    out.append("| " + " | ".join(header) + " |")
    out.append("| --- | --- | " + " | ".join(["---:"] * 7) + " | --- | --- |")
    for total, rows in groups(coverage):
        for row in rows:
            publishable = "yes" if row.publishable else "**no**"
            out.append(
                "| "
                + " | ".join(
                    [
                        _markdown_text(row.document),
                        row.language,
                        *_cells(row.counts(words)),
                        _yes_no(row.in_step),
                        publishable,
                    ]
                )
                + " |"
            )
        cells = ["Total", total.language, *_cells(total.counts(words)), *_total_cells(total)]
        out.append("| " + " | ".join(f"**{cell}**" for cell in cells) + " |")
    remarks = [
        f"- `{row.document}` ({row.language}): {_markdown_text(note)}"
        for _, rows in groups(coverage)
        for row in rows
        for note in notes(row)
    ]
    if remarks:
        out += ["", *remarks]
    return "\n".join(out) + "\n"


# -- CSV --------------------------------------------------------------------------------------


def to_csv(coverage: Coverage) -> str:
    """One line per document and language, for spreadsheets (totals are sums of the columns)."""
    stream = io.StringIO()
    import csv  # here: only the CSV report needs it

    writer = csv.writer(stream, lineterminator="\n")
    measures = [*_STATES, "obsolete", "total", "percent_translated", "percent_reviewed"]
    writer.writerow(
        [
            "document",
            "language",
            "source",
            "catalogue",
            "catalogue_exists",
            "in_step",
            "missing",
            "extra",
            *(f"entries_{name}" for name in measures),
            *(f"words_{name}" for name in measures),
            "stale_reviews",
            "publishable",
        ]
    )
    for _, rows in groups(coverage):
        for row in rows:
            writer.writerow(
                [
                    _cell(row.document),
                    row.language,
                    _cell(row.source or ""),
                    _cell(row.catalogue),
                    _bool(row.exists),
                    _bool(row.in_step),
                    row.missing,
                    row.extra,
                    *_csv_counts(row.entries),
                    *_csv_counts(row.counts(words=True)),
                    row.stale_reviews,
                    _bool(row.publishable),
                ]
            )
    return stream.getvalue()


def _cell(text: str) -> str:
    """A name as a spreadsheet cell: one that starts like a formula (``=HYPERLINK(...)``, a
    document named ``+1``) gets a leading apostrophe, so that the spreadsheet shows it and
    does not run it (OWASP's advice for CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _bool(value: bool | None) -> str:
    return "" if value is None else "true" if value else "false"


def _csv_counts(counts: Counts) -> list[object]:
    return [
        counts.untranslated,
        counts.fuzzy,
        counts.translated,
        counts.reviewed,
        counts.obsolete,
        counts.total,
        f"{counts.percent_translated:.1f}",
        f"{counts.percent_reviewed:.1f}",
    ]


# -- HTML -------------------------------------------------------------------------------------

_STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
       margin: 2rem auto; max-width: 72rem; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
p.lede { color: #59636e; margin-top: 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { padding: .35rem .6rem; border-bottom: 1px solid #d1d9e0; text-align: left; vertical-align: middle;
         white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
th { font-weight: 600; font-size: .85rem; color: #59636e; white-space: normal; overflow: visible; }
th.number, td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; border-top: 2px solid #1f2328; }
.bar { display: flex; height: 1.1rem; border-radius: 3px; overflow: hidden; background: #eff2f5; }
.bar span { display: block; height: 100%; }
.reviewed { background: #1a7f37; } .translated { background: #6fdd8b; }
.fuzzy { background: #d4a72c; } .untranslated { background: #e5534b; }
.legend { display: flex; gap: 1.2rem; flex-wrap: wrap; margin: .8rem 0 0; padding: 0; list-style: none;
          font-size: .85rem; color: #59636e; }
.legend i { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px; vertical-align: -2px;
            margin-right: .35rem; }
.yes { color: #1a7f37; } .no { color: #cf222e; font-weight: 600; } .none { color: #59636e; }
ul.notes { color: #9a6700; font-size: .9rem; }
"""


def to_html(coverage: Coverage, *, words: bool = False) -> str:
    """One self-contained page: no scripts, no external resources, every text escaped."""
    e = _escape
    title = f"Translation coverage: {coverage.project}"
    body = [
        f"<h1>{e(title)}</h1>",
        (
            f'<p class="lede">{e(_headline(coverage, words).capitalize())}. '
            "Translated counts translated and reviewed entries; fuzzy entries are not translated.</p>"
        ),
        '<ul class="legend">'
        + "".join(f'<li><i class="{state}"></i>{state}</li>' for state in reversed(_STATES))
        + "</ul>",
    ]
    if not coverage.rows:
        body.append("<p>No catalogues to count.</p>")
    for total, rows in groups(coverage):
        body.append(f"<h2>{e(language_name(total.language))}</h2>")
        body.append("<table><colgroup>" + "".join(f'<col style="width:{width}%">' for width in _WIDTHS) + "</colgroup>")
        body.append(
            '<thead><tr><th>Document</th><th>Progress</th><th class="number">Translated</th>'
            f'<th class="number">Reviewed</th><th class="number">{e(unit(words).capitalize())}</th>'
            '<th class="number">Fuzzy</th><th class="number">Untranslated</th>'
            "<th>In step</th><th>Publishable</th></tr></thead><tbody>"
        )
        for row in rows:
            body.append(
                _html_row(e(row.document), row.counts(words), _html_flag(row.in_step), _html_flag(row.publishable), "")
            )
        in_step, publishable = _total_cells(total)
        body.append(_html_row("Total", total.counts(words), e(in_step), e(publishable), ' class="total"'))
        body.append("</tbody></table>")
        remarks = [f"<li><b>{e(row.document)}</b>: {e(note)}</li>" for row in rows for note in notes(row)]
        if remarks:
            body.append('<ul class="notes">' + "".join(remarks) + "</ul>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


# Column widths in percent, the same in every language's table so that they line up.
_WIDTHS = (20, 24, 9, 9, 7, 6, 10, 6, 9)


def _escape(text: str) -> str:
    import html  # here: only the HTML report needs it

    return html.escape(text, quote=True)


def _html_row(name: str, counts: Counts, in_step: str, publishable: str, attributes: str) -> str:
    return (
        f'<tr{attributes}><td title="{name}">{name}</td><td>{_bar(counts)}</td>'
        f'<td class="number">{counts.percent_translated:.1f}%</td>'
        f'<td class="number">{counts.percent_reviewed:.1f}%</td>'
        f'<td class="number">{counts.total}</td><td class="number">{counts.fuzzy}</td>'
        f'<td class="number">{counts.untranslated}</td><td>{in_step}</td><td>{publishable}</td></tr>'
    )


def _bar(counts: Counts) -> str:
    """A stacked bar: reviewed, translated, fuzzy, untranslated, each as wide as its share."""
    parts = [
        ("reviewed", counts.reviewed),
        ("translated", counts.translated),
        ("fuzzy", counts.fuzzy),
        ("untranslated", counts.untranslated),
    ]
    label = ", ".join(f"{amount} {state}" for state, amount in parts)
    spans = "".join(
        f'<span class="{state}" style="width:{amount * 100 / counts.total:.3f}%" title="{amount} {state}"></span>'
        for state, amount in parts
        if amount and counts.total
    )
    return f'<div class="bar" role="img" aria-label="{_escape(label)}">{spans}</div>'


def _html_flag(value: bool | None) -> str:
    if value is None:
        return '<span class="none">n/a</span>'
    return '<span class="yes">yes</span>' if value else '<span class="no">no</span>'
