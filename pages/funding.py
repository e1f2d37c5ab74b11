"""Funding in three sections, each drawn when opened: the funders of the whole portfolio,
UNDP's published budgets against spending (delivery), and the project documents' own
funding lines; then where the two sources disagree and what is not reported."""

import streamlit as st

from dashboard.domain import figures
from dashboard.present import view_figures
from dashboard.present.i18n import format_partial_date, format_usd, join_names, t
from dashboard.present.tables import (FUNDERS_SHOWN, budget_spending_table, cofinancing_table, delivery_note, delivery_table, funders_table, funding_by_kind_table,
                                      funding_by_type_table, funding_differences_table, funding_table, not_reported, project_names, sections_table)
from dashboard.web import components, state

ctx = state.context()
view, lang = ctx.view, ctx.lang
components.page_header("nav.funding", ctx)
names = project_names(view.all_projects, lang)
records = [view["funding"], view["budgets"], view["transactions"]]
sources = sections_table(records, view["sources"], lang)

# Only the open section runs: a page of seven charts would keep the browser drawing for a
# second on first load.
funders_tab, delivery_tab, documents_tab = st.tabs([t("funding.section_funders", lang), t("funding.section_delivery", lang), t("funding.section_documents", lang)],
                                                   key="funding-section", on_change="rerun")
if funders_tab.open:
    with funders_tab:  # every funder of either source, once, with its kinds of amount apart
        funders = funders_table(view, lang)
        note = t("funding.funders_note", lang, n=min(FUNDERS_SHOWN, len(funders)), total=len(funders))
        components.figure_block("funders", t("funding.funders", lang), view_figures.funders_figure(view, lang), funders, sources, lang, note=note)
        components.figure_block("funding-by-kind", t("funding.by_kind", lang), view_figures.funding_by_kind_figure(view, lang), funding_by_kind_table(view, lang), sources, lang,
                                note=t("funding.by_kind_note", lang))
        cofinancing = cofinancing_table(view, lang)
        note = t("funding.cofinancing_note", lang, n=min(view_figures.COFINANCING_SHOWN, len(cofinancing)), total=len(cofinancing))
        components.figure_block("cofinancing", t("funding.cofinancing_portfolio", lang), view_figures.cofinancing_figure(view, lang), cofinancing, sources, lang, note=note)

if delivery_tab.open:
    with delivery_tab:
        st.caption(t("funding.published", lang) + ". " + t("funding.period_rule", lang))
        published = sections_table([view["budgets"], view["transactions"]], view["sources"], lang)
        if view["budgets"].empty and view["transactions"].empty:
            st.info(t("funding.no_published", lang))
        else:
            dataset_dates = view["sources"].loc[view["sources"]["kind"] == "dataset", "date"].dropna()
            note = t("funding.budget_spending_note", lang, date=join_names([format_partial_date(d, lang) for d in dataset_dates], lang) or not_reported(lang))
            components.figure_block("budget-spending", t("funding.budget_spending", lang), view_figures.budget_spending_figure(view, lang), budget_spending_table(view, lang),
                                    published, lang, note=note)
            delivery = delivery_table(view, lang)
            if delivery.empty:
                st.info(t("funding.no_delivery", lang))
            else:
                note = delivery_note(view, view_figures.DELIVERY_SHOWN, lang)
                components.figure_block("delivery", t("funding.delivery", lang), view_figures.delivery_figure(view, lang), delivery, published, lang, note=note)

if documents_tab.open:
    with documents_tab:  # as the documents give them
        components.figure_block("funding-by-project", t("funding.title", lang), view_figures.funding_figure(view, lang), funding_table(view, lang), sources, lang)
        components.figure_block("funding-by-type", t("funding.by_type", lang), view_figures.funding_share_figure(view, lang), funding_by_type_table(view, lang), sources, lang)

differences = funding_differences_table(view, lang)
if len(differences):
    st.subheader(t("funding.differences", lang))
    st.caption(t("sources.differences_intro", lang))
    components.show_table(differences, lang)

st.subheader(t("funding.not_reported", lang))
missing = figures.projects_without_funding(view)
unnamed, unnamed_projects = figures.unnamed_funding(view)
if missing:
    st.warning(components.md(t("funding.not_reported_projects", lang, names=join_names([names[p] for p in missing], lang))))
if unnamed:
    st.warning(components.md(t("funding.unnamed", lang, amount=format_usd(unnamed, lang), names=join_names([names[p] for p in unnamed_projects], lang))))
if not missing and not unnamed:
    st.success(t("funding.all_reported", lang))
components.footer(sources, lang)
