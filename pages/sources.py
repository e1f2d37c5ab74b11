import streamlit as st

from dashboard import exports, metrics, ui
from dashboard.gaps import data_gaps
from dashboard.i18n import t

ctx = ui.context()
package, view, lang = ctx.package, ctx.view, ctx.lang
ui.page_header("nav.sources", ctx)

st.subheader(t("sources.title", lang))
ui.show_table(metrics.source_table(package, lang), lang)

st.subheader(t("sources.taken", lang))
ui.show_table(metrics.records_per_source(package.tables, lang), lang, hide_index=False)

st.subheader(t("sources.gaps", lang))
st.caption(t("sources.gaps_intro", lang))
gaps = metrics.gap_table(data_gaps(package), package, lang)
ui.show_table(gaps, lang)
st.download_button(t("view.download", lang), ui.csv_bytes(gaps), file_name="data-gaps.csv", mime="text/csv")

st.subheader(t("sources.download", lang))
left, right = st.columns(2)
# Built only when clicked: writing the workbook costs more than the rest of the page.
left.download_button(t("sources.zip", lang), lambda: exports.package_zip(package), file_name="undp-china-portfolio.zip", mime="application/zip")
right.download_button(
    t("sources.xlsx", lang),
    lambda: exports.package_xlsx(package),
    file_name="undp-china-portfolio.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
