import streamlit as st

from dashboard import charts, metrics, ui
from dashboard.i18n import t

ctx = ui.context()
view, lang = ctx.view, ctx.lang
ui.page_header("nav.reach", ctx)
st.caption(t("reach.not_summed", lang))

sources = metrics.sources_of([view["reach"]], view["sources"], lang)
for unit, title_key in (("people", "reach.people"), ("countries", "reach.countries")):
    table, labels, lower = metrics.reach_by_unit(view, unit, lang)
    figure = charts.reach_bars(table.assign(_label=labels), "_label", t("col.value", lang), lower, "", t(f"unit.{unit}", lang), lang)
    ui.figure_block(f"reach-{unit}", t(title_key, lang), figure, table, sources, lang)

missing = metrics.projects_without_reach(view)
if missing:
    names = metrics.project_labels_all(view, lang)
    st.info(t("reach.none", lang, names=", ".join(names[p] for p in missing)))
ui.footer(ctx, [view["reach"]])
