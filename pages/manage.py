"""Manage data (editors): download the workbook, upload it edited, read every problem, read
the preview of every change, and publish with a message; the draft waits on the server.

No `st.stop()` here: after a run stopped part-way, Streamlit 1.67's browser side sends the
sidebar's lists back at their first option on the next run (the period would jump to one
year). Each step returns instead."""

import time

import streamlit as st

from dashboard.config import database_url, state_dir
from dashboard.present.downloads import blank_workbook, package_xlsx
from dashboard.present.i18n import t
from dashboard.present.tables import change_summary_table, changed_cells_table, problem_table, whole_rows_table
from dashboard.store import revisions, uploads
from dashboard.store.changes import package_changes
from dashboard.web import auth, components, state
from dashboard.web.components import md

ctx = state.context()
package, lang, email = ctx.package, ctx.lang, ctx.email


def upload_step() -> None:
    """No draft yet: the file to check."""
    with st.form("upload-form"):
        uploaded = st.file_uploader(t("manage.upload", lang), type=list(uploads.KINDS), key="upload")
        submitted = st.form_submit_button(t("manage.check", lang), key="check-upload")
    if submitted and uploaded is not None:
        uploads.save_draft(state_dir(), database_url(), email, uploads.new_draft(uploaded.name, uploaded.getvalue(), package.cells, package.revision))
        st.rerun()


def preview(changes: dict) -> None:
    """Per table, what publishing adds, changes and removes."""
    st.subheader(t("manage.preview", lang))
    components.show_table(change_summary_table(changes), lang)
    for name, change in changes.items():
        if change.empty:
            continue
        with st.expander(f"{name}: +{len(change.added)} ~{change.changed_rows} −{len(change.removed)}", expanded=True):
            if change.added:
                st.markdown(f"**{t('manage.added', lang)}**")
                components.show_table(whole_rows_table(change.added), lang)
            if change.changed:
                st.markdown(f"**{t('manage.changed', lang)}**")
                components.show_table(changed_cells_table(change), lang)
            if change.removed:
                st.markdown(f"**{t('manage.removed', lang)}**")
                components.show_table(whole_rows_table(change.removed), lang)


def publish_step(draft: uploads.Draft) -> None:
    """The message, and the publish (refused, with what changed, if the draft is stale)."""
    message = st.text_area(t("manage.message", lang), key="publish-message")
    if not st.button(t("manage.publish", lang), type="primary", key="publish"):
        return
    if not message.strip():
        st.error(t("manage.message_needed", lang))
        return
    try:
        revision = revisions.publish(database_url(), draft.frames, email, message, draft.base, origin="upload")
    except revisions.Conflict as conflict:
        st.error(md(str(conflict)))  # names and messages people wrote: shown as text
        return
    uploads.discard_draft(state_dir(), database_url(), email)
    st.session_state["published"] = revision.id
    st.rerun()


def draft_step(draft: uploads.Draft) -> None:
    """A draft: its problems, or its preview and the publish."""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(draft.uploaded_at))
    st.info(md(t("manage.draft", lang, file=draft.file_name, when=when, base=draft.base)))
    if st.button(t("manage.discard", lang), key="discard"):
        uploads.discard_draft(state_dir(), database_url(), email)
        st.rerun()
    if draft.problems:
        st.error(t("manage.problems", lang, n=len(draft.problems)))
        problems = problem_table(draft.problems)
        components.paged_table(problems, lang, "upload-problems")
        components.download_table(problems, lang, "upload-problems")
        return
    # Worked out once per draft and revision, not on each keystroke of the message.
    changes = package.memo(("draft-changes", email, draft.uploaded_at), lambda: package_changes(package.cells, draft.frames), keep=256)
    if all(c.empty for c in changes.values()):
        st.info(t("manage.no_change", lang, n=package.revision))
        return
    if draft.base != package.revision:
        st.warning(t("manage.stale", lang, latest=package.revision, base=draft.base))
    preview(changes)
    publish_step(draft)


st.title(t("nav.manage", lang))
if auth.may_edit(ctx.role) and email is not None:  # the page is offered to editors only
    st.caption(t("manage.intro", lang))
    if (published := st.session_state.pop("published", None)) is not None:
        st.success(t("manage.published", lang, n=published))
    with st.container(horizontal=True):
        st.download_button(t("sources.xlsx", lang), lambda: package_xlsx(package), file_name="undp-china-portfolio.xlsx", mime=components.XLSX, on_click="ignore")
        st.download_button(t("sources.template", lang), blank_workbook, file_name="undp-china-portfolio-template.xlsx", mime=components.XLSX, on_click="ignore")
    draft = uploads.load_draft(state_dir(), database_url(), email)
    if draft is None:
        upload_step()
    else:
        draft_step(draft)
