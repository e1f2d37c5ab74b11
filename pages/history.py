"""History: every published revision (who, when, why, what it changed) and every changed
cell, to filter, read and download."""

import streamlit as st

from dashboard.present.i18n import t
from dashboard.present.tables import audit_table, matching_events, revision_table
from dashboard.web import components, data, state
from dashboard.web.components import md

ctx = state.context()
package, lang = ctx.package, ctx.lang
st.title(t("nav.history", lang))
st.caption(t("history.intro", lang))
history, events = data.history_of(package)
shown = next((r for r in history if r.id == package.revision), None)
if shown is not None:
    st.info(md(t("history.showing", lang, n=shown.id, when=f"{shown.created_at:%Y-%m-%d %H:%M} UTC", author=shown.author)))

st.subheader(t("history.revisions", lang))
components.paged_table(revision_table(history, lang), lang, "revisions")
st.caption(t("history.rollback_hint", lang))

st.subheader(t("history.changes", lang))
with st.container(horizontal=True, vertical_alignment="bottom"):
    revision = st.selectbox(t("history.pick_revision", lang), [None, *(r.id for r in history)], key="history-revision",
                            format_func=lambda n: t("history.all_revisions", lang) if n is None else str(n))
    tables = st.multiselect(t("history.pick_tables", lang), sorted(events["table"].unique()), key="history-tables")
    needle = st.text_input(t("history.find", lang), key="history-find")
chosen = audit_table(matching_events(events, revision, tables, needle), lang)
if chosen.empty:
    st.info(t("history.none", lang))
else:
    components.paged_table(chosen, lang, "audit")
    components.download_table(chosen, lang, "changes" if revision is None else f"changes-revision-{revision}")
