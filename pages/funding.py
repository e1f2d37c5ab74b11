import streamlit as st

from dashboard import charts, metrics, ui
from dashboard.i18n import format_usd, t, term
from dashboard.schema import FUNDER_TYPES

ctx = ui.context()
view, lang = ctx.view, ctx.lang
ui.page_header("nav.funding", ctx)
names = metrics.project_labels_all(view, lang)
sources = metrics.sources_of([view["funding"]], view["sources"], lang)

by_funder = metrics.funding_table(view, lang)
project, funder_type, amount = t("col.project", lang), t("col.funder_type", lang), t("col.amount_usd", lang)
order = [term("funder_type", f, lang) for f in FUNDER_TYPES]
ui.figure_block(
    "funding-by-project",
    t("funding.title", lang),
    charts.stacked_bars(by_funder, project, amount, funder_type, "", amount, order),
    by_funder,
    sources,
    lang,
)

by_type = metrics.funding_by_type(view, lang)
share = t("col.share", lang)
labelled = by_type.assign(_all="", _label=[f"{v:,.0f} ({p:.1f}%)" for v, p in zip(by_type[amount], by_type[share])])
figure = charts.stacked_bars(labelled, "_all", amount, funder_type, "", amount, order, label="_label")
ui.figure_block("funding-by-type", t("funding.by_type", lang), figure, by_type, sources, lang)

cofinancing = metrics.cofinancing(view, lang)
series = [c for c in cofinancing.columns if c != project]
ui.figure_block(
    "cofinancing",
    t("funding.cofinancing", lang),
    charts.grouped_bars(cofinancing, project, series, "", amount, order),
    cofinancing,
    sources,
    lang,
)

st.subheader(t("funding.not_reported", lang))
missing = metrics.projects_without_funding(view)
unnamed, unnamed_projects = metrics.unnamed_funding(view)
if missing:
    st.warning(t("funding.not_reported_projects", lang, names=", ".join(names[p] for p in missing)))
if unnamed:
    st.warning(t("funding.unnamed", lang, amount=format_usd(unnamed, lang), names=", ".join(names[p] for p in unnamed_projects)))
if not missing and not unnamed:
    st.success(t("funding.all_reported", lang))
ui.footer(ctx, [view["funding"]])
