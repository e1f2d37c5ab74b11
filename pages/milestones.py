"""Milestones: the policy-uptake results first, as text; then the timeline over the
Five-Year Plan periods with a numbered list of what each mark holds; undated milestones."""

import streamlit as st

from dashboard.domain import figures, timeline
from dashboard.domain.results import indicator_figures
from dashboard.present import charts, view_figures
from dashboard.present.i18n import t
from dashboard.present.tables import milestone_table, per_year_table, sections_table, timeline_frames, uptake_indicator_table
from dashboard.present.text import uptake_results
from dashboard.web import components, state
from dashboard.web.components import md

ctx = state.context()
view, lang = ctx.view, ctx.lang
components.page_header("nav.milestones", ctx)
sources = sections_table([view["milestones"], view["projects"]], view["sources"], lang)

# The message first: what policy took up, into which plan, when.
st.subheader("★ " + t("milestones.uptake", lang))
results = uptake_results(view, lang)
if not results:
    st.info(t("milestones.uptake_none", lang))
with st.container(horizontal=True, key="uptake"):
    for r in results:
        with st.container(border=True):
            st.markdown(f"#### {md(r.headline)}")
            st.markdown(f"**{md(r.when)}** · {md(r.project)}")
            if r.headline != r.title:
                st.caption(md(r.title))

# UNDP's results indicators of policy uptake whose actual shows the change happened.
from_results = uptake_indicator_table(view, lang)
uptake_total = int((indicator_figures(view)["measure"] == "policy_uptake").sum())
st.markdown(f"**{md(t('milestones.uptake_results', lang))}**")
if len(from_results):
    st.caption(t("milestones.uptake_results_note", lang, n=len(from_results), total=uptake_total))
    components.show_table(from_results, lang)
else:
    st.caption(t("milestones.uptake_results_none", lang, total=uptake_total))


def draw_timeline() -> None:
    """The chart, then what each numbered mark holds, so no title needs a hover."""
    components.chart_figure(view_figures.timeline_figure(view, lang), "milestones")
    st.markdown(f"**{t('milestones.groups', lang)}**")
    lines = []
    for g in groups.itertuples():
        lines.append(f"{g.number}. " + md(t("milestones.group_head", lang, date=g.date_text, project=g.label, n=g.n)))
        lines += [f"    - {md(member)}" for member in g.members]
    st.markdown("\n".join(lines))


table = milestone_table(view, figures.milestones_by_recency(view["milestones"]), lang)
if timeline.timeline_by_year(view):
    per_year = per_year_table(view, lang)
    components.figure_block("milestones", t("milestones.per_year", lang), view_figures.portfolio_per_year_figure(view, lang), per_year, sources, lang,
                            note=t("milestones.per_year_note", lang))
    dated = view["milestones"].dropna(subset=["date_first"])
    years = sorted(set(dated["date_first"].dt.year.astype(int)), reverse=True)
    if years:
        year = st.selectbox(t("milestones.choose_year", lang), years, key="milestones-year")
        components.show_table(milestone_table(view, figures.milestones_by_recency(dated[dated["date_first"].dt.year == year]), lang), lang)
else:  # a row per project: worked out only here, a large portfolio has thousands
    spans, points, bands = timeline_frames(view, lang)
    groups = charts.milestone_groups(spans, points)
    _, _, cut = charts.timeline_axis(spans, points)
    note = " ".join([t("milestones.fyp_band", lang)] + [t("milestones.gap", lang, start=a.year, end=b.year - 1) + "." for a, b in cut])
    components.figure_block("milestones", t("milestones.title", lang), draw_timeline if len(spans) else None, table, sources, lang, note=note)

undated = figures.undated_milestones(view)
if len(undated):
    st.subheader(t("milestones.undated", lang))
    components.show_table(milestone_table(view, undated, lang), lang)
components.footer(sources, lang)
