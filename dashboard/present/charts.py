"""Plotly figure builders: pure functions from display tables to figures.

Legible on a projector: large type, direct value labels, and every category told apart
by pattern or symbol as well as by colour (Okabe-Ito palette, safe for colour-blindness).
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.domain.filters import shared
from dashboard.present.i18n import format_compact, format_number, format_usd_compact, t

UNDP_BLUE = "#006EB5"
# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
PATTERNS = ("", "/", ".", "x", "\\", "+", "-", "|")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "hexagon", "triangle-down")
FONT = "Source Sans, Noto Sans SC, Noto Sans CJK SC, sans-serif"
BASE_FONT_SIZE = 16


def plain(text: object) -> str:
    """Text from data as plotly shows it: plotly reads tags (`<b>`, `<a href>`) and `$...$`
    maths in every label, so `<`, `>`, `&` and `$` become entities it prints as themselves."""
    return html.escape(str(text), quote=False).replace("$", "&#36;")


def _plain_columns(table: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """`table` with the text of `columns` made plain for plotly."""
    return table.assign(**{c: table[c].map(lambda v: v if v is None or (isinstance(v, float) and math.isnan(v)) else plain(v)) for c in columns})


# A white halo round text drawn over lines or dark fills keeps it readable on any of them.
HALO = "0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff"
SLIDE_TEXT, SLIDE_LEAST = 22, 18  # px: a slide's chart type, and the least any of it may be


def for_slide(figure: go.Figure) -> go.Figure:
    """A copy of a chart with type large enough for the back of a meeting room, its height
    left to the slide. The map's name labels keep their sizes: each set is placed for one."""
    fig = go.Figure(figure)
    fig.update_layout(font_size=SLIDE_TEXT, legend_font_size=SLIDE_TEXT, hoverlabel_font_size=SLIDE_TEXT, height=None)
    for trace in fig.data:
        size = trace.textfont.size if "textfont" in trace else None
        if isinstance(size, (int, float)) and size < SLIDE_LEAST and not str(trace.name or "").startswith("map-labels-"):
            trace.textfont.size = SLIDE_LEAST
    for note in fig.layout.annotations:
        if note.font.size is not None and note.font.size < SLIDE_LEAST:
            note.font.size = SLIDE_LEAST
    return fig


def _figure(traces: list[dict], title: str, height: int, xaxis: dict, yaxis: dict, **layout: object) -> go.Figure:
    """The shared look, built in one go (plotly validates each update, so fewer is faster).

    An empty title leaves the heading to the page (the dashboard shows it above the
    Chart/Table/Sources tabs); exported slides pass one."""
    base = {
        "title": {"text": title, "font": {"size": 22}} if title else None,
        "font": {"family": FONT, "size": BASE_FONT_SIZE, "color": "#1a1a1a"},
        "height": height,
        "margin": {"l": 10, "r": 40, "t": 70 if title else 40, "b": 10},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "title": None},
        "separators": ".,",
        "xaxis": {"gridcolor": "#dddddd", "zeroline": False, "automargin": True, **xaxis},
        "yaxis": {"automargin": True, **yaxis},
    }
    return go.Figure({"data": traces, "layout": {**base, **layout}})


def _patterned(colour: str, pattern: str) -> dict:
    """A bar marker told apart by pattern as well as colour."""
    return {"color": colour, "pattern": {"shape": pattern, "fgcolor": "white", "solidity": 0.3, "fillmode": "overlay"}}


def style_of(categories: list[str]) -> dict[str, tuple[str, str, str]]:
    """Colour, pattern and symbol per category, stable in the order given."""
    return {c: (PALETTE[i % len(PALETTE)], PATTERNS[i % len(PATTERNS)], SYMBOLS[i % len(SYMBOLS)]) for i, c in enumerate(categories)}


def text_box(text: str, size: float) -> tuple[float, float]:
    """Roughly how wide and tall a line of text is in pixels (a Chinese character is about square)."""
    wide = sum(1 for ch in text if ord(ch) > 0x2E80)
    return (wide * 1.0 + (len(text) - wide) * 0.56) * size + 4, size * 1.25


def _nice_step(top: float, count: int) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about `count` steps up to `top`."""
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if raw <= m * power)


def amount_axis(top: float, lang: str, title: str, room: float = 1.3) -> dict:
    """A value axis from zero with a few round ticks written the way the cards write amounts
    ('2 M' / '200万'), so tick labels stay short and are never rotated; `room` leaves space
    past the longest bar for its label."""
    if not top > 0:
        return {"title": title, "rangemode": "tozero"}
    step = _nice_step(top, 4)
    ticks = [i * step for i in range(int(top // step) + 1)]
    return {"title": title, "range": [0, top * room], "tickvals": ticks, "ticktext": [format_compact(v, lang) for v in ticks], "tickangle": 0}


PARTS_LINE_WIDTH = 300  # px: a breakdown line longer than this wraps, so it fits a phone


def wrapped(parts: list[str], size: float, width: float = PARTS_LINE_WIDTH, sep: str = " · ") -> list[str]:
    """`parts` joined with `sep` into lines no wider than `width` pixels (a part is never split)."""
    lines: list[str] = []
    for part in parts:
        if lines and text_box(lines[-1] + sep + part, size)[0] <= width:
            lines[-1] += sep + part
        else:
            lines.append(part)
    return lines


ROW_PX = 118  # one bar's row: its name above, the bar, one line of values below
LINE_UNITS = 0.2  # each further line of values, in rows
PART_SIZE = 15


def stacked_bars(table: pd.DataFrame, y: str, x: str, stack: str, x_title: str, lang: str, order: list[str] | None = None, title: str = "") -> go.Figure:
    """One bar per `y` (a project), stacked by `stack` (a type of funder).

    Nothing depends on fitting inside a segment: the name stands above its bar, the total
    at the bar's end, and every part's value on a line below it, wrapped to fit a phone.
    `order` fixes each category's colour and pattern, so it looks the same in every chart."""
    table = _plain_columns(table, y, stack)
    order = [plain(o) for o in order] if order else order
    sums = table.dropna(subset=[x]).groupby([y, stack], sort=False)[x].sum()
    rows = list(dict.fromkeys(r for r, _ in sums.index))
    stacks = [s for s in (order or list(dict.fromkeys(table[stack]))) if s in set(sums.index.get_level_values(1))]
    styles = style_of(order or stacks)
    lines = {r: wrapped([f"{s} {format_compact(sums[r, s], lang)}" for s in stacks if (r, s) in sums.index], PART_SIZE) for r in rows}
    # Row positions in rows' units, top down; a row with a wrapped breakdown is taller.
    where, edge = {}, 0.0
    for r in rows:
        where[r] = edge + 0.5
        edge += 1 + LINE_UNITS * (len(lines[r]) - 1)
    totals = sums.groupby(level=0, sort=False).sum()
    traces = []
    for name in stacks:
        part = sums.xs(name, level=1)
        colour, pattern, _ = styles[name]
        traces.append(dict(type="bar", orientation="h", name=name, y=[where[r] for r in part.index], x=list(part.values), width=0.34,
                           marker=_patterned(colour, pattern), customdata=[[r, name] for r in part.index],
                           hovertemplate="%{customdata[0]}<br>%{customdata[1]}: %{x:,.0f}<extra></extra>"))
    text = {"type": "scatter", "mode": "text", "showlegend": False, "hoverinfo": "skip", "cliponaxis": False}
    traces += [
        _names_above(where, 0.36),
        {**text, "x": list(totals.values), "y": [where[r] for r in totals.index], "text": [f"  {format_usd_compact(v, lang)}" for v in totals.values],
         "textposition": "middle right", "textfont": {"size": 17}},
        {**text, "x": [0] * len(rows), "y": [where[r] + 0.2 + 0.13 * len(lines[r]) for r in rows], "text": ["<br>".join(lines[r]) for r in rows],
         "textposition": "middle right", "textfont": {"size": PART_SIZE, "color": "#333333"}},
    ]
    return _figure(
        traces,
        title,
        130 + int(ROW_PX * max(1.0, edge)),
        amount_axis(float(totals.max()) if len(totals) else 0, lang, x_title),
        {"visible": False, "range": [edge, 0]},
        barmode="stack",
        legend_traceorder="normal",
    )


def share_bars(table: pd.DataFrame, y: str, x: str, share: str, x_title: str, lang: str, order: list[str] | None = None) -> go.Figure:
    """One bar per category, its name above it (the bars keep the full width on a phone),
    with its amount and share written past its end: small shares are as readable as large
    ones, and the axis leaves room for the longest bar's words."""
    table = _plain_columns(table.dropna(subset=[x]), y)
    order = [plain(o) for o in order] if order else order
    styles = style_of(order or list(table[y]))
    where = {r: i + 0.5 for i, r in enumerate(table[y])}
    traces = [
        dict(type="bar", orientation="h", name=row[y], y=[where[row[y]] + 0.16], x=[row[x]], width=0.42, marker=_patterned(styles[row[y]][0], styles[row[y]][1]),
             text=[f"{format_compact(row[x], lang)} · {row[share]:.1f}%"], textposition="outside", cliponaxis=False, textfont={"size": 17}, showlegend=False,
             customdata=[row[y]], hovertemplate="%{customdata}: %{x:,.0f}<extra></extra>")
        for _, row in table.iterrows()
    ]
    traces.append(_names_above(where, 0.24))
    top = float(table[x].max()) if len(table) else 0
    return _figure(traces, "", 120 + 80 * max(1, len(table)), amount_axis(top, lang, x_title, room=1.75),
                   {"visible": False, "range": [max(1, len(table)), -0.1]}, barmode="overlay")


def _names_above(rows: dict[str, float], offset: float) -> dict:
    """Each row's name in bold above its bars, from the axis: the bars keep the full width."""
    return {"type": "scatter", "mode": "text", "showlegend": False, "hoverinfo": "skip", "cliponaxis": False, "x": [0] * len(rows),
            "y": [y - offset for y in rows.values()], "text": [f"<b>{r}</b>" for r in rows], "textposition": "middle right"}


def grouped_bars(table: pd.DataFrame, y: str, series: list[str], x_title: str, lang: str, order: list[str] | None = None) -> go.Figure:
    """One group of bars per row of `table` (its name above), one bar per column in
    `series`, each with its amount past its end."""
    table = _plain_columns(table, y)
    styles = style_of(order or series)
    where = {r: i + 0.5 for i, r in enumerate(table[y])}
    thick = 0.7 / (len(series) + 1)
    traces = []
    for k, name in enumerate(series):
        colour, pattern, _ = styles[name]
        shift = (k - (len(series) - 1) / 2) * thick + thick / 2
        text = [f" {format_compact(v, lang)}" if pd.notna(v) else "" for v in table[name]]
        traces.append(dict(type="bar", orientation="h", name=name, y=[where[r] + shift for r in table[y]], x=[None if pd.isna(v) else v for v in table[name]],
                           width=thick * 0.9, marker=_patterned(colour, pattern), text=text, textposition="outside", cliponaxis=False, textfont={"size": 17},
                           constraintext="none",  # thin bars would shrink their amounts past reading
                           customdata=[[r, plain(name)] for r in table[y]], hovertemplate="%{customdata[0]}<br>%{customdata[1]}: %{x:,.0f}<extra></extra>"))
    traces.append(_names_above(where, 0.4 - thick / 2))
    top = float(table[series].max().max()) if len(table) else 0
    # A row grows with its bars so each bar stays as tall as its amount's line of type.
    row = ROW_PX * max(1.0, (len(series) + 1) / 3)
    return _figure(traces, "", int(130 + row * max(1, len(table))), amount_axis(top, lang, x_title), {"visible": False, "range": [len(table), 0]},
                   barmode="overlay", legend_traceorder="normal")


def count_bars(table: pd.DataFrame, y: str, parts: list[str], x_title: str, lang: str) -> go.Figure:
    """One bar per row of `table` (its name above) stacked by the count columns `parts`,
    the row's total past its end; a part's count shows on hover and in the Table view."""
    table = _plain_columns(table, y)
    styles = style_of(parts)
    where = {r: i + 0.5 for i, r in enumerate(table[y])}
    traces = []
    for name in parts:
        colour, pattern, _ = styles[name]
        traces.append(dict(type="bar", orientation="h", name=plain(name), y=[where[r] for r in table[y]], x=list(table[name]), width=0.4,
                           marker=_patterned(colour, pattern), customdata=[[r, plain(name)] for r in table[y]],
                           hovertemplate="%{customdata[0]}<br>%{customdata[1]}: %{x:,.0f}<extra></extra>"))
    totals = table[parts].sum(axis=1)
    traces += [
        _names_above(where, 0.36),
        {"type": "scatter", "mode": "text", "showlegend": False, "hoverinfo": "skip", "cliponaxis": False, "x": list(totals), "y": list(where.values()),
         "text": [f"  {v:,.0f}" for v in totals], "textposition": "middle right", "textfont": {"size": 17}},
    ]
    return _figure(traces, "", int(130 + ROW_PX * 0.8 * max(1, len(table))), amount_axis(float(totals.max()) if len(table) else 0, lang, x_title),
                   {"visible": False, "range": [len(table), 0]}, barmode="stack", legend_traceorder="normal")


QUIET_RUN = 4  # this many years in a row with nothing are one column of the per-year chart


def folded_years(table: pd.DataFrame, x: str, columns: list[str], quiet_label) -> tuple[list[str], pd.DataFrame]:
    """The per-year rows with every run of QUIET_RUN or more years where all `columns` are
    zero folded into one row labelled `quiet_label(first, last)`: a portfolio whose first
    mark is 13 years before its next keeps its axis for the years with something in them."""
    quiet = (table[columns] == 0).all(axis=1).to_numpy()
    labels, rows, i = [], [], 0
    while i < len(table):
        j = i
        while j < len(table) and quiet[j]:
            j += 1
        if j - i >= QUIET_RUN:
            labels.append(quiet_label(int(table[x].iloc[i]), int(table[x].iloc[j - 1])))
            rows.append(table.iloc[i][columns] * 0)
            i = j
        else:
            labels.append(str(int(table[x].iloc[i])))
            rows.append(table.iloc[i][columns])
            i += 1
    return labels, pd.DataFrame(rows).reset_index(drop=True)


TICK_EVERY = 5  # years: a label every five years fits a phone's width, upright


def year_ticks(labels: list[str]) -> dict:
    """Tick labels for a per-year axis that stay upright and apart at any width: every
    TICK_EVERY-th year, and a first year far enough from the next label. A folded run of
    quiet years has no label (its column holds nothing; hovering says which years)."""
    years = [int(x) if x.isdigit() else None for x in labels]
    shown = [i for i, y in enumerate(years) if y is not None and y % TICK_EVERY == 0]
    if years and years[0] is not None and (not shown or shown[0] >= TICK_EVERY - 1):
        shown.insert(0, 0)
    return {"tickmode": "array", "tickvals": [labels[i] for i in shown], "ticktext": [labels[i] for i in shown]}


def year_columns(labels: list[str], table: pd.DataFrame, parts: list[str], line: str, y_title: str, lang: str, labelled: bool = False) -> go.Figure:
    """Per year (the x categories `labels`): columns stacked by the count columns `parts`,
    and the count in `line` as a line across them. `labelled` writes each column's total
    above it (for a slide, where a reader cannot hover)."""
    styles = style_of(parts)
    traces = []
    for name in parts:
        colour, pattern, _ = styles[name]
        traces.append(dict(type="bar", name=plain(name), x=labels, y=list(table[name]), marker=_patterned(colour, pattern),
                           hovertemplate="%{x}<br>" + plain(name) + ": %{y:,.0f}<extra></extra>"))
    traces.append(dict(type="scatter", mode="lines+markers", name=plain(line), x=labels, y=list(table[line]), line={"color": "#555555", "width": 2, "dash": "dot"},
                       marker={"size": 6, "symbol": "diamond", "color": "#555555"}, hovertemplate="%{x}<br>" + plain(line) + ": %{y:,.0f}<extra></extra>"))
    if labelled:
        totals = table[parts].sum(axis=1)
        traces.append(dict(type="scatter", mode="text", showlegend=False, hoverinfo="skip", x=labels, y=list(totals), cliponaxis=False,
                           text=[f"{v:,.0f}" if v else "" for v in totals], textposition="top center", textfont={"size": SLIDE_LEAST, "shadow": HALO}))
    top = float(max(table[parts].sum(axis=1).max(), table[line].max())) if len(table) else 0
    return _figure(traces, "", 460, {"type": "category", "showgrid": False, "tickangle": 0, **year_ticks(labels)},
                   {**amount_axis(top, lang, y_title, room=1.15), "gridcolor": "#dddddd"}, barmode="stack", legend_traceorder="normal")


def yearly_lines(table: pd.DataFrame, x: str, series: list[str], y_title: str, lang: str) -> go.Figure:
    """One line per column in `series` across the years in `x`, every point labelled with
    its amount: the first series above its points, the others below, so the labels of two
    close values do not meet. For a slide, where a pair of bars per year would be too thin
    to carry a label that reads from the back of the room. Lines differ by dash and marker
    as well as colour."""
    styles = style_of(series)
    traces = []
    for k, name in enumerate(series):
        colour, _, symbol = styles[name]
        values = [None if pd.isna(v) else float(v) for v in table[name]]
        traces.append(dict(type="scatter", mode="lines+markers+text", name=name, x=[str(v) for v in table[x]], y=values,
                           # A zero is a point on the zero line, unlabelled: under it the label would meet the years.
                           text=[format_compact(v, lang) if v else "" for v in values], textposition="top center" if k == 0 else "bottom center",
                           textfont={"size": SLIDE_LEAST, "shadow": HALO}, cliponaxis=False, line={"color": colour, "width": 3, "dash": "solid" if k == 0 else "dash"},
                           marker={"color": colour, "size": 11, "symbol": symbol}, hovertemplate="%{x}: %{y:,.0f}<extra></extra>"))
    top = float(table[series].max().max()) if len(table) else 0
    axis = amount_axis(top, lang, y_title, room=1.15)
    if "range" in axis:  # room under zero for the labels below the points of small values, clear of the years
        axis["range"] = [-0.12 * top, axis["range"][1]]
    return _figure(traces, "", 480, {"type": "category", "showgrid": False}, {**axis, "gridcolor": "#dddddd", "zeroline": True, "zerolinecolor": "#999999"})


def reach_bars(table: pd.DataFrame, label: str, value: str, lower_bound: pd.Series, title: str, x_title: str, lang: str) -> go.Figure:
    """One bar per figure, its label above it from the axis (so the bars keep the full width
    on a phone); a lower bound is hatched and labelled 'more than N' / '超过N'. The `label`
    column is plotly markup whose data is already made plain, lines split by `<br>`
    (`reach_by_unit`)."""
    table = table.reset_index(drop=True)
    lower_bound = lower_bound.reset_index(drop=True)
    # Rows top down, in rows' units: the label in the upper part, the bar below it; a label
    # of more lines makes its row taller.
    tops, bars, edge = [], [], 0.0
    for text in table[label]:
        extra = LINE_UNITS * max(0, text.count("<br>") - 1)
        tops.append(edge + (0.5 + extra) / 2)  # the label's middle
        bars.append(edge + 0.72 + extra)
        edge += 1 + extra
    traces = []
    for is_lower, name in ((False, t("reach.exact", lang)), (True, t("reach.lower_bound", lang))):
        part = table[lower_bound == is_lower]
        if part.empty:
            continue
        texts = ["" if pd.isna(v) else f"> {format_number(v)}" if is_lower else format_number(v) for v in part[value]]  # no figure, no bar: a gap
        marker = {
            "color": PALETTE[0] if not is_lower else "white",
            "line": {"color": PALETTE[0], "width": 2},
            "pattern": {"shape": "/" if is_lower else "", "fgcolor": PALETTE[0], "solidity": 0.3, "fillmode": "overlay"},
        }
        traces.append(dict(type="bar", orientation="h", name=name, y=[bars[i] for i in part.index], x=[None if pd.isna(v) else v for v in part[value]], width=0.34, marker=marker,
                           text=texts, textposition="outside", cliponaxis=False, customdata=list(part[label]), hovertemplate="%{customdata}<br>%{text}<extra></extra>"))
    traces.append({"type": "scatter", "mode": "text", "showlegend": False, "hoverinfo": "skip", "cliponaxis": False, "x": [0] * len(table), "y": tops,
                   "text": list(table[label]), "textposition": "middle right"})
    values = [float(v) for v in table[value] if not pd.isna(v)]  # gaps have no bar
    top = max(values, default=0.0)
    x_axis = {"title": x_title, "tickformat": ",.0f", **({"range": [0, top * 1.25]} if top > 0 else {"rangemode": "tozero"})}  # room for the value past the bar
    return _figure(traces, title, 130 + ROW_PX * max(1, edge), x_axis,
                   {"visible": False, "range": [max(1, edge), -0.25]}, barmode="overlay", legend_traceorder="normal")  # room for the first label under the legend


GROUP_SHARE = 0.1  # marks closer than this share of the visible time axis become one numbered mark
GAP_YEARS = 6  # a stretch of this many years with nothing dated is cut out of the axis


def _dates(projects: pd.DataFrame, milestones: pd.DataFrame) -> pd.Series:
    """Every date the timeline draws: milestones, project starts and ends."""
    return pd.concat([milestones["when"], projects["start"], projects["end"]]).dropna().sort_values()


def timeline_axis(projects: pd.DataFrame, milestones: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp, list[tuple[pd.Timestamp, pd.Timestamp]]]:
    """The axis's start and end (the data plus half a year) and the empty stretches cut out of it."""
    dates = _dates(projects, milestones)
    if dates.empty:
        today = pd.Timestamp.today().normalize()
        return today - pd.DateOffset(years=1), today, []
    years = sorted(set(dates.dt.year))
    breaks = [(pd.Timestamp(year=a + 1, month=7, day=1), pd.Timestamp(year=b, month=1, day=1)) for a, b in zip(years, years[1:]) if b - a >= GAP_YEARS]
    return dates.iloc[0] - pd.DateOffset(months=6), dates.iloc[-1] + pd.DateOffset(months=6), breaks


@shared
def milestone_groups(projects: pd.DataFrame, milestones: pd.DataFrame) -> pd.DataFrame:
    """Milestones of one project close together in time, as one numbered mark each.

    Columns: number, label (project), when (the mark's place), n, uptake (any), planned (all),
    date_text (the dates as read), members (the milestones' titles, policy uptake starred).
    Numbered from the top row, left to right, so the list under the chart reads in step.
    """
    start, end, breaks = timeline_axis(projects, milestones)
    visible = (end - start) - sum((b - a for a, b in breaks), pd.Timedelta(0))
    window = visible * GROUP_SHARE
    order = {label: i for i, label in enumerate(projects["label"])}
    rows = []
    ms = milestones.assign(_row=milestones["label"].map(order)).sort_values(["_row", "when"], kind="stable")
    for label, part in ms.groupby("_row", sort=True):
        group: list = []
        for _, m in part.iterrows():
            if group and m["when"] - group[0]["when"] > window:
                rows.append(group)
                group = []
            group.append(m)
        rows.append(group)
    out = []
    for number, group in enumerate(rows, start=1):
        g = pd.DataFrame(group)
        out.append({
            "number": number,
            "label": g["label"].iloc[0],
            "when": g["when"].min(),  # consecutive marks are then more than a window apart
            "n": len(g),
            "uptake": bool(g["uptake"].any()),
            "planned": bool(g["planned"].all()),
            "date_text": g["date_text"].iloc[0] if g["date_text"].nunique() == 1 else f"{g['date_text'].iloc[0]} – {g['date_text'].iloc[-1]}",
            "members": [("★ " if u else "") + f"{title} ({kind})" for title, kind, u in zip(g["title"], g["kind"], g["uptake"])],
        })
    return pd.DataFrame(out, columns=["number", "label", "when", "n", "uptake", "planned", "date_text", "members"])


def timeline(
    projects: pd.DataFrame,
    milestones: pd.DataFrame,
    plans: pd.DataFrame,
    title: str,
    lang: str,
    narrow: bool = True,
) -> go.Figure:
    """Projects as bars from start to end, milestones as numbered marks, Five-Year Plans as bands.
    `narrow`: the chart may be seen on a phone, so a long project line takes two lines (a
    slide is wide, and its rows have no room for a second line).

    `projects`: label, start, end (Timestamps or NaT), note (how the dates read).
    `milestones`: label (project), when (Timestamp), kind, title, date_text, uptake, planned.
    `plans`: name, short (the band's label), start_year, end_year.
    Milestones of a project that are close in time share one mark, numbered as in
    `milestone_groups` (the page lists each mark's milestones), so none hides another;
    policy uptake is a gold star. Empty stretches of years are cut out of the axis.
    Shapes and annotations are set at once: plotly re-validates the layout on every addition.
    """
    projects = _plain_columns(projects, "label", "note")
    milestones = _plain_columns(milestones, "label", "kind", "title", "date_text")
    plans = _plain_columns(plans, "short")
    order = list(projects["label"])
    row = {label: -i for i, label in enumerate(order)}
    start, end, breaks = timeline_axis(projects, milestones)
    traces: list[dict] = []
    annotations: list[dict] = []
    for _, p in projects.iterrows():
        y = row[p["label"]]
        hover = f"{p['label']}<br>{p['note']}<extra></extra>"
        if pd.notna(p["start"]) and pd.notna(p["end"]):
            line = {"color": "rgba(0,110,181,0.35)", "width": 22}
            traces.append(dict(type="scatter", x=[p["start"], p["end"]], y=[y, y], mode="lines", line=line, showlegend=False, hovertemplate=hover))
        elif pd.notna(p["start"]) or pd.notna(p["end"]):
            known = p["start"] if pd.notna(p["start"]) else p["end"]
            marker = {"symbol": "line-ns", "size": 24, "line": {"width": 5, "color": UNDP_BLUE}}
            traces.append(dict(type="scatter", x=[known], y=[y], mode="markers", marker=marker, showlegend=False, hovertemplate=hover))
        # The project and how its dates read, on its own line just above its bar (not as axis
        # labels, which would take half a phone's width): closer to its own marks than to the
        # next project's, so no reader pairs a name with the wrong row. Also the only mark
        # for an undated project. On two lines when one would run past a phone's width.
        joint = "<br>" if narrow and text_box(f"{p['label']} · {p['note']}", 14)[0] > PARTS_LINE_WIDTH else " · "
        annotations.append({"x": 0, "xref": "paper", "y": y + 0.2, "yanchor": "bottom", "text": f"<b>{p['label']}</b>{joint}{p['note']}", "showarrow": False,
                            "xanchor": "left", "align": "left", "font": {"size": 14, "color": "#333"}})
    groups = milestone_groups(projects, milestones)
    for uptake in (True, False):
        part = groups[groups["uptake"] == uptake]
        if part.empty:
            continue
        name = t("milestones.legend_uptake" if uptake else "milestones.legend_other", lang)
        symbol = "star" if uptake else "circle"
        traces.append(
            dict(
                type="scatter",
                x=list(part["when"]),
                y=[row[label] for label in part["label"]],
                mode="markers+text",
                name=name,
                # Beside the mark, not above it: a row then needs only the mark's height
                # and its label line, which keeps rows apart on a short slide.
                text=[str(n) for n in part["number"]],
                textposition="middle right",
                textfont={"size": 16, "color": "#1a1a1a"},
                marker={
                    "symbol": [symbol + ("-open" if planned else "") for planned in part["planned"]],
                    "size": [min(14 + 2 * n, 26) + (4 if uptake else 0) for n in part["n"]],
                    "color": "#E69F00" if uptake else UNDP_BLUE,
                    "line": {"color": "#1a1a1a", "width": 1.5 if uptake else 0.5},
                },
                customdata=[[d, "<br>".join(m)] for d, m in zip(part["date_text"], part["members"])],
                hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
            )
        )
    shapes = []
    for i, plan in enumerate(plans.itertuples(index=False)):
        x0, x1 = max(pd.Timestamp(f"{plan.start_year}-01-01"), start), min(pd.Timestamp(f"{plan.end_year}-12-31"), end)
        x0 = next((b for a, b in breaks if a <= x0 < b), x0)  # a label inside a cut-out stretch would not show
        if x0 >= x1:
            continue
        fill = "#dfe8f2" if i % 2 == 0 else "#eef2f7"
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1, "fillcolor": fill, "line": {"width": 0}, "layer": "below"})
        annotations.append({"x": x0, "xref": "x", "y": 1, "yref": "paper", "text": plan.short, "showarrow": False, "xanchor": "left", "yanchor": "bottom", "font": {"size": 14}})
    for _, b in breaks:
        # Where years were cut out: a dotted line (the page's note says which years).
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": b, "x1": b, "y0": 0, "y1": 1, "line": {"color": "#777", "width": 1.5, "dash": "dot"}})
    return _figure(
        traces,
        title,
        160 + 100 * max(1, len(order)),
        {"type": "date", "title": None, "range": [start, end], "rangebreaks": [{"bounds": [a, b]} for a, b in breaks]},
        {"visible": False, "range": [-len(order) + 0.6, 0.85]},
        shapes=shapes,
        annotations=annotations,
        legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0, "title": None},
    )
