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


def spread(keys: list[tuple], width: float = 0.64) -> list[float]:
    """Vertical offsets that fan out markers sharing a row and a date, so none hides another."""
    seen: dict[tuple, int] = {}
    totals: dict[tuple, int] = {}
    for k in keys:
        totals[k] = totals.get(k, 0) + 1
    offsets = []
    for k in keys:
        i = seen.get(k, 0)
        seen[k] = i + 1
        n = totals[k]
        offsets.append(0.0 if n == 1 else -width / 2 + width * i / (n - 1))
    return offsets


def timeline(
    projects: pd.DataFrame,
    milestones: pd.DataFrame,
    plans: pd.DataFrame,
    title: str,
    lang: str,
) -> go.Figure:
    """Projects as bars from start to end, milestones as symbols, Five-Year Plans as bands.

    `projects`: label, start, end (Timestamps or NaT), note (how the dates read).
    `milestones`: label (project), when (Timestamp), kind, title, date_text, uptake, planned.
    `plans`: name, start_year, end_year.
    Rows are numbered from the top; markers on the same day fan out within their row.
    Shapes and annotations are collected and set once: adding them one by one makes
    plotly re-validate the layout each time, which cost most of the page's time.
    """
    order = list(projects["label"])
    row = {label: -i for i, label in enumerate(order)}
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
            marker = {"symbol": "line-ns", "size": 34, "line": {"width": 5, "color": UNDP_BLUE}}
            traces.append(dict(type="scatter", x=[known], y=[y], mode="markers", marker=marker, showlegend=False, hovertemplate=hover))
        # How the dates read, under the row: also the only mark for an undated project.
        annotations.append(
            {"x": 0, "xref": "paper", "y": y - 0.42, "text": p["note"], "showarrow": False, "xanchor": "left", "font": {"size": 14, "color": "#444"}}
        )
    kinds = list(dict.fromkeys(milestones["kind"]))
    styles = style_of(kinds)
    offsets = spread(list(zip(milestones["label"], milestones["when"])))
    milestones = milestones.assign(_y=[row[label] + off for label, off in zip(milestones["label"], offsets)])
    for kind in kinds:
        part = milestones[milestones["kind"] == kind]
        colour, _, symbol = styles[kind]
        uptake = bool(part["uptake"].any())
        traces.append(
            dict(
                type="scatter",
                y=list(part["_y"]),
                x=list(part["when"]),
                mode="markers",
                name=kind,
                marker={
                    "symbol": [("star" if uptake else symbol) + ("-open" if planned else "") for planned in part["planned"]],
                    "size": 22 if uptake else 14,
                    "color": "#E69F00" if uptake else colour,
                    "line": {"color": "#1a1a1a", "width": 1.5 if uptake else 0.5},
                },
                customdata=part[["title", "date_text"]].values,
                hovertemplate="%{customdata[1]}<br>%{customdata[0]}<extra>" + kind + "</extra>",
            )
        )
    shapes = []
    for i, plan in enumerate(plans.itertuples(index=False)):
        x0, x1 = f"{plan.start_year}-01-01", f"{plan.end_year}-12-31"
        fill = "#dfe8f2" if i % 2 == 0 else "#eef2f7"
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1, "fillcolor": fill, "line": {"width": 0}, "layer": "below"})
        annotations.append({"x": x0, "xref": "x", "y": 1, "yref": "paper", "text": plan.name, "showarrow": False, "xanchor": "left", "yanchor": "top", "font": {"size": 14}})
    return _figure(
        traces,
        title,
        200 + 110 * max(1, len(order)),
        {"type": "date", "title": None},
        {"tickvals": list(row.values()), "ticktext": order, "range": [-len(order) + 0.4, 0.6], "showgrid": False, "zeroline": False},
        shapes=shapes,
        annotations=annotations,
    )
