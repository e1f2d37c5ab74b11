import pandas as pd
import streamlit as st

from dashboard import metrics, ui
from dashboard.i18n import format_partial_date, format_usd, labelled, localized, t, term

ctx = ui.context()
view, lang = ctx.view, ctx.lang
ui.page_header("projects.title", ctx)

table = metrics.project_table(view, lang)
ui.show_table(table, lang)
st.download_button(t("view.download", lang), ui.csv_bytes(table), file_name="projects.csv", mime="text/csv")

if view.project_ids:
    names = metrics.project_labels_all(view, lang)
    st.header(t("projects.detail", lang))
    chosen = st.selectbox(t("projects.choose", lang), view.project_ids, format_func=names.get, key="detail-project")
    one = metrics.single_project_view(view, chosen)
    p = one["projects"].iloc[0]
    st.subheader(localized(one["projects"], "title", lang).iloc[0])
    st.write(localized(one["projects"], "description", lang).iloc[0])
    facts = {
        t("col.start", lang): format_partial_date(p["start"], lang),
        t("col.end", lang): format_partial_date(p["end"], lang),
        t("col.status", lang): term("status", p["status"], lang),
        t("col.undp_project_id", lang): p["undp_project_id"] if isinstance(p["undp_project_id"], str) else t("date.unknown", lang),
        t("col.total_budget_usd", lang): format_usd(p["total_budget_usd"], lang) if pd.notna(p["total_budget_usd"]) else t("projects.no_total", lang),
        t("col.themes", lang): ", ".join(term("theme", x, lang) for x in p["themes"].split("|")),
        t("col.source", lang): f"{metrics.source_titles(view['sources'], lang)[p['source_id']]} ({p['section']})",
        t("col.note", lang): localized(one["projects"], "note", lang).iloc[0] or "",
    }
    st.markdown("\n".join("- " + labelled(f"**{k}**", v, lang) for k, v in facts.items()))
    sections = (
        ("projects.partners", metrics.partner_table(one, lang)),
        ("projects.places", metrics.location_table(one, lang)),
        ("projects.funding", metrics.funding_table(one, lang)),
        ("projects.reach", metrics.reach_table(one, lang)),
        ("projects.milestones", metrics.milestone_table(one, one["milestones"], lang)),
    )
    for title_key, section in sections:
        st.subheader(t(title_key, lang))
        if section.empty:
            st.write(t("projects.none", lang))
        else:
            ui.show_table(section, lang)
ui.footer(ctx, [view["projects"], view["partners"]])
