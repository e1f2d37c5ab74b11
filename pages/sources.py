"""Sources and data gaps: the documents, what each gave, every gap, and the whole package to download."""

import streamlit as st

from dashboard.domain.gaps import data_gaps
from dashboard.present.downloads import blank_workbook, package_xlsx, package_zip
from dashboard.present.i18n import t
from dashboard.present.tables import differences_table, gap_table, records_per_source_table, source_table
from dashboard.web import components, state

ctx = state.context()
package, lang = ctx.package, ctx.lang
components.page_header("nav.sources", ctx)

st.subheader(t("sources.title", lang))
components.paged_table(source_table(package, lang), lang, "sources")

st.subheader(t("sources.taken", lang))
components.show_table(records_per_source_table(package, lang), lang, hide_index=False)

differences = differences_table(package, lang)
if len(differences):
    st.subheader(t("table.differences", lang))
    st.caption(t("sources.differences_intro", lang))
    components.show_table(differences, lang)

st.subheader(t("sources.gaps", lang))
st.caption(t("sources.gaps_intro", lang))
gaps = gap_table(data_gaps(package), package, lang)
components.paged_table(gaps, lang, "gaps")
components.download_table(gaps, lang, "data-gaps")

st.subheader(t("sources.download", lang))
st.caption(t("sources.download_intro", lang))
# Side by side, each as wide as its label, wrapping on a narrow screen (in fixed columns
# the longest label was cut off at 1024 px). Built only when clicked: writing a workbook
# costs more than the rest of the page.
with st.container(horizontal=True):
    st.download_button(t("sources.xlsx", lang), lambda: package_xlsx(package), file_name="undp-china-portfolio.xlsx", mime=components.XLSX, on_click="ignore")
    st.download_button(t("sources.template", lang), blank_workbook, file_name="undp-china-portfolio-template.xlsx", mime=components.XLSX, on_click="ignore")
    st.download_button(t("sources.zip", lang), lambda: package_zip(package), file_name="undp-china-portfolio.zip", mime="application/zip", on_click="ignore")
