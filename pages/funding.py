import streamlit as st

from dashboard import charts, metrics, ui
from dashboard.i18n import format_usd, t

ctx = ui.context()
view, lang = ctx.view, ctx.lang
ui.page_header("nav.funding", ctx)
names = metrics.project_labels_all(view, lang)
sources = metrics.sources_of([view["funding"]], view["sources"], lang)

by_funder = metrics.funding_table(view, lang)
project, funder_type, amount = t("col.project", lang), t("col.funder_type", lang), t("col.amount_usd", lang)
ui.figure_block(
    "funding-by-project",
    t("funding.title", lang),
    charts.stacked_bars(by_funder, project, amount, funder_type, t("funding.title", lang), amount),
    by_funder,
    sources,
    lang,
)

by_type = metrics.funding_by_type(view, lang)
figure = charts.stacked_bars(by_type.assign(_all=""), "_all", amount, funder_type, t("funding.by_type", lang), amount)
ui.figure_block("funding-by-type", t("funding.by_type", lang), figure, by_type, sources, lang)

cofinancing = metrics.cofinancing(view, lang)
series = [c for c in cofinancing.columns if c != project]
ui.figure_block(
    "cofinancing",
    t("funding.cofinancing", lang),
    charts.grouped_bars(cofinancing, project, series, t("funding.cofinancing", lang), amount),
    cofinancing,
    sources,
    lang,
)

st.subheader(t("funding.not_reported", lang))
missing = metrics.projects_without_funding(view)
unnamed = metrics.unnamed_funding(view)
if missing:
    st.warning(t("funding.not_reported_projects", lang, names=", ".join(names[p] for p in missing)))
if unnamed:
    unnamed_projects = view["funding"].query("funder_type == 'not_reported'").dropna(subset=["amount_usd"])["project_id"]
    st.warning(t("funding.unnamed", lang, amount=format_usd(unnamed, lang), names=", ".join(names[p] for p in dict.fromkeys(unnamed_projects))))
if not missing and not unnamed:
    st.success(t("funding.all_reported", lang))
ui.footer(ctx, [view["funding"]])
