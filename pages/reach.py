import streamlit as st

from dashboard import charts, metrics, ui
from dashboard.i18n import t

ctx = ui.context()
view, lang = ctx.view, ctx.lang
ui.page_header("nav.reach", ctx)
st.caption(t("reach.not_summed", lang))

table = metrics.reach_table(view, lang)
sources = metrics.sources_of([view["reach"]], view["sources"], lang)
reach = view["reach"].reset_index(drop=True)
for unit, title_key in (("people", "reach.people"), ("countries", "reach.countries")):
    rows = (reach["unit"] == unit).values
    part = table[rows].reset_index(drop=True)
    labels = "<b>" + part[t("col.project", lang)] + "</b><br>" + part[t("col.audience", lang)]
    shown = part.assign(**{"_label": labels})
    figure = charts.reach_bars(
        shown, "_label", t("col.value", lang), reach.loc[rows, "qualifier"].eq("lower_bound"), "", t(f"unit.{unit}", lang), lang
    )
    ui.figure_block(f"reach-{unit}", t(title_key, lang), figure, part, sources, lang)

missing = metrics.projects_without_reach(view)
if missing:
    names = metrics.project_labels_all(view, lang)
    st.info(t("reach.none", lang, names=", ".join(names[p] for p in missing)))
ui.footer(ctx, [view["reach"]])
