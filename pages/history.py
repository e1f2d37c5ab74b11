"""History: every published revision (who, when, why, what it changed) and every changed
cell, to filter, read and download."""

import streamlit as st

from dashboard.present.i18n import t
from dashboard.present.tables import audit_table, matching_events, revision_table, revision_words
from dashboard.config import database_url
from dashboard.store import revisions
from dashboard.web import auth, components, data, state
from dashboard.web.components import md

ctx = state.context()
package, lang = ctx.package, ctx.lang
st.title(t("nav.history", lang))
st.caption(t("history.intro", lang))
history, events = data.history_of(package)
shown = next((r for r in history if r.id == package.revision), None)
if shown is not None:
    st.info(md(t("history.showing", lang, n=shown.id, when=f"{shown.created_at:%Y-%m-%d %H:%M} UTC", author=revision_words(shown, lang)[0])))

st.subheader(t("history.revisions", lang))
if (restored := st.session_state.pop("rolled-back", None)) is not None:
    st.success(t("history.rolled_back", lang, n=restored[0], to=restored[1]))
components.paged_table(revision_table(history, lang), lang, "revisions")
if auth.may_edit(ctx.role) and ctx.email and len(history) > 1:
    with st.form("rollback"):
        st.markdown(f"**{t('history.rollback', lang)}**")
        target = st.selectbox(t("history.rollback_to", lang), [r.id for r in history[1:]], key="rollback-to")
        why = st.text_input(t("history.rollback_message", lang), key="rollback-message")
        if st.form_submit_button(t("history.rollback", lang), key="rollback-submit"):
            if not why.strip():
                st.error(t("manage.message_needed", lang))
            else:
                try:
                    revision = revisions.rollback(database_url(), target, ctx.email, why, package.revision)
                except revisions.Conflict as conflict:
                    st.error(md(str(conflict)))  # names and messages people wrote: shown as text
                else:
                    st.session_state["rolled-back"] = (revision.id, target)
                    st.rerun()
else:
    st.caption(t("history.rollback_hint", lang))

st.subheader(t("history.changes", lang))
with st.container(horizontal=True, vertical_alignment="bottom"):
    revision = st.selectbox(t("history.pick_revision", lang), [None, *(r.id for r in history)], key="history-revision",
                            format_func=lambda n: t("history.all_revisions", lang) if n is None else str(n))
    tables = st.multiselect(t("history.pick_tables", lang), sorted(events["table"].unique()), key="history-tables", placeholder=t("history.tables_placeholder", lang))
    needle = st.text_input(t("history.find", lang), key="history-find")
chosen = audit_table(matching_events(events, revision, tables, needle), lang)
if chosen.empty:
    st.info(t("history.none", lang))
else:
    components.paged_table(chosen, lang, "audit")
    components.download_table(chosen, lang, "changes" if revision is None else f"changes-revision-{revision}")
