"""Plotly figure builders: pure functions from display tables to figures.

Legible on a projector: large type, direct value labels, and every category told apart
by pattern or symbol as well as by colour (Okabe-Ito palette, safe for colour-blindness).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.present.i18n import format_number, t

UNDP_BLUE = "#006EB5"
# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
PATTERNS = ("", "/", ".", "x", "\\", "+", "-", "|")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "hexagon", "triangle-down")
FONT = "Source Sans, Noto Sans SC, Noto Sans CJK SC, sans-serif"
BASE_FONT_SIZE = 16


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


def _hbar(part: pd.DataFrame, y: str, x: str, name: str, marker: dict, text: list[str], **options: object) -> dict:
    """One horizontal bar trace of `x` per `y`, with value labels."""
    return dict(type="bar", y=list(part[y]), x=[None if pd.isna(v) else v for v in part[x]], name=name, orientation="h", marker=marker, text=text, **options)


def _patterned(colour: str, pattern: str) -> dict:
    """A bar marker told apart by pattern as well as colour."""
    return {"color": colour, "pattern": {"shape": pattern, "fgcolor": "white", "solidity": 0.3, "fillmode": "overlay"}}


def style_of(categories: list[str]) -> dict[str, tuple[str, str, str]]:
    """Colour, pattern and symbol per category, stable in the order given."""
    return {c: (PALETTE[i % len(PALETTE)], PATTERNS[i % len(PATTERNS)], SYMBOLS[i % len(SYMBOLS)]) for i, c in enumerate(categories)}


def stacked_bars(
    table: pd.DataFrame,
    y: str,
    x: str,
    stack: str,
    title: str,
    x_title: str,
    order: list[str] | None = None,
    label: str | None = None,
) -> go.Figure:
    """Horizontal bars of `x` per `y`, stacked by `stack`, each segment labelled with its
    value (or with column `label`). `order` fixes each category's colour and pattern, so a
    funder type looks the same in every chart."""
    table = table.dropna(subset=[x])
    stacks = order or list(dict.fromkeys(table[stack]))
    styles = style_of(stacks)
    traces = []
    for name in stacks:
        part = table[table[stack] == name]
        if part.empty:
            continue
        colour, pattern, _ = styles[name]
        text = list(part[label]) if label else [format_number(v) for v in part[x]]
        traces.append(_hbar(part, y, x, name, _patterned(colour, pattern), text, textposition="inside", insidetextanchor="middle",
                            textfont={"size": 17}, hovertemplate=f"%{{y}}<br>{name}: %{{x:,.0f}}<extra></extra>"))
    # Labels that do not fit their segment are hidden rather than shrunk; the Table view has them.
    return _figure(
        traces,
        title,
        140 + 70 * max(1, table[y].nunique()),
        {"title": x_title, "tickformat": ",.0f"},
        {"autorange": "reversed"},
        barmode="stack",
        uniformtext={"minsize": 15, "mode": "hide"},
        legend_traceorder="normal",
    )


def grouped_bars(table: pd.DataFrame, y: str, series: list[str], title: str, x_title: str, order: list[str] | None = None) -> go.Figure:
    """Horizontal bars, one group per row of `table`, one bar per column in `series`."""
    styles = style_of(order or series)
    traces = []
    for name in series:
        colour, pattern, _ = styles[name]
        text = [format_number(v) if pd.notna(v) else "" for v in table[name]]
        traces.append(_hbar(table, y, name, name, _patterned(colour, pattern), text, textposition="outside", cliponaxis=False,
                            hovertemplate=f"%{{y}}<br>{name}: %{{x:,.0f}}<extra></extra>"))
    return _figure(
        traces, title, 160 + 90 * max(1, len(table)), {"title": x_title, "tickformat": ",.0f"}, {"autorange": "reversed"}, barmode="group"
    )


def reach_bars(table: pd.DataFrame, label: str, value: str, lower_bound: pd.Series, title: str, x_title: str, lang: str) -> go.Figure:
    """One bar per figure; a lower bound is hatched and labelled 'more than N' / '超过N'."""
    table = table.reset_index(drop=True)
    lower_bound = lower_bound.reset_index(drop=True)
    traces = []
    for is_lower, name in ((False, t("reach.exact", lang)), (True, t("reach.lower_bound", lang))):
        part = table[lower_bound == is_lower]
        if part.empty:
            continue
        texts = [(f"> {format_number(v)}" if is_lower else format_number(v)) for v in part[value]]
        marker = {
            "color": PALETTE[0] if not is_lower else "white",
            "line": {"color": PALETTE[0], "width": 2},
            "pattern": {"shape": "/" if is_lower else "", "fgcolor": PALETTE[0], "solidity": 0.3, "fillmode": "overlay"},
        }
        traces.append(_hbar(part, label, value, name, marker, texts, textposition="outside", cliponaxis=False, hovertemplate="%{y}<br>%{text}<extra></extra>"))
    return _figure(
        traces, title, 160 + 80 * max(1, len(table)), {"title": x_title, "tickformat": ",.0f", "rangemode": "tozero"}, {"autorange": "reversed"}
    )


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
) -> go.Figure:
    """Projects as bars from start to end, milestones as numbered marks, Five-Year Plans as bands.

    `projects`: label, start, end (Timestamps or NaT), note (how the dates read).
    `milestones`: label (project), when (Timestamp), kind, title, date_text, uptake, planned.
    `plans`: name, short (the band's label), start_year, end_year.
    Milestones of a project that are close in time share one mark, numbered as in
    `milestone_groups` (the page lists each mark's milestones), so none hides another;
    policy uptake is a gold star. Empty stretches of years are cut out of the axis.
    Shapes and annotations are set at once: plotly re-validates the layout on every addition.
    """
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
        # The project and how its dates read, under its row (not as axis labels, which would
        # take half a phone's width): also the only mark for an undated project.
        annotations.append({"x": 0, "xref": "paper", "y": y - 0.3, "yanchor": "top", "text": f"<b>{p['label']}</b> · {p['note']}", "showarrow": False,
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
                text=[str(n) for n in part["number"]],
                textposition="top center",
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
        {"visible": False, "range": [-len(order) + 0.25, 0.6]},
        shapes=shapes,
        annotations=annotations,
        legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0, "title": None},
    )
