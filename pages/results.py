"""Results: every results indicator as one figure, baseline → target → latest actual, with a
status by a stated rule; a chart of status counts per project or theme; downloads."""

import streamlit as st

from dashboard.domain import results
from dashboard.present import view_figures
from dashboard.present.i18n import t, term
from dashboard.present.tables import scorecard_table, sections_table, status_counts_table
from dashboard.schema.codelists import RESULT_MEASURES, THEMES
from dashboard.web import components, state

ctx = state.context()
view, lang = ctx.view, ctx.lang
components.page_header("nav.results", ctx)
counts = results.measure_counts(view)
st.caption(t("results.measure_counts", lang, **counts))

left, middle, right = st.columns(3)
measures = left.multiselect(t("results.filter_measure", lang), RESULT_MEASURES, format_func=lambda m: term("measure_kind", m, lang), key="results-measure",
                            placeholder=t("results.all", lang))
statuses = middle.multiselect(t("results.filter_status", lang), results.STATUSES, format_func=lambda s: term("result_status", s, lang), key="results-status",
                              placeholder=t("results.all", lang))
theme = right.selectbox(t("results.filter_theme", lang), THEMES, format_func=lambda x: term("theme", x, lang), index=None, key="results-theme",
                        placeholder=t("results.all", lang))
chosen = (tuple(measures), tuple(statuses), theme or "")
sources = sections_table([view["results"]], view["sources"], lang)

by = st.segmented_control(t("results.by", lang), ["project", "theme"], format_func=lambda b: t(f"col.{b}", lang), default="project", key="results-by",
                          required=True)
table = status_counts_table(view, lang, by, chosen)
note = t("results.status_note", lang, n=min(view_figures.STATUS_SHOWN, len(table)), total=len(table))
components.figure_block("result-status", t("results.status_title", lang), view_figures.status_figure(view, lang, by, chosen), table, sources, lang, note=note)

st.subheader(t("results.scorecard", lang))
st.caption(t("results.status_rule", lang))
scorecard = scorecard_table(view, lang, *chosen)
if scorecard.empty:
    st.info(t("results.none", lang))
else:
    components.paged_table(scorecard, lang, "scorecard")
    components.download_table(scorecard, lang, "scorecard")
components.footer(sources, lang)
