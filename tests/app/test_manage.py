"""Editing in the app, as a signed-in editor (AppTest seeds `st.user` and the secrets): the
officer's walk-through in docs/data.md, from the workbook to the published revision on
every page and back by rollback; problems block publishing; a draft outlives a refresh; a
stale draft is refused with what changed; viewers and people not signed in never see it."""

from __future__ import annotations

import io

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.config import APP_SCRIPT, database_url
from dashboard.present.workbook import edit_workbook
from dashboard.store import revisions
from dashboard.web import auth
from helpers import metrics, officer_workbook, shown

SIGN_IN = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "a-cookie-secret-for-tests-only-0123456789",
           "client_id": "dashboard", "client_secret": "secret", "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
EDITOR = "officer@undp.org"


def app_as(email: str | None, lang: str = "en", page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP_SCRIPT), default_timeout=120)
    at.secrets["auth"] = SIGN_IN
    at.secrets["roles"] = {"editors": [EDITOR], "admins": ["steward@undp.org"]}
    at.user = {"is_logged_in": email is not None, **({"email": email} if email else {})}
    at.query_params["lang"] = lang
    at.run()
    if page:
        at.switch_page(f"../../pages/{page}.py").run()
    return at


@pytest.fixture
def served(small_dir, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(small_dir))
    return small_dir


def upload(at: AppTest, name: str, data: bytes) -> None:
    at.get("file_uploader")[0].set_value((name, data, "application/octet-stream"))
    at.button(key="check-upload").click().run()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_officer_adds_a_project_publishes_it_and_rolls_it_back(served, lang):
    at = app_as(EDITOR, lang, "manage")
    assert not at.exception
    book = edit_workbook(revisions.read_frames(database_url()))
    upload(at, "portfolio.xlsx", officer_workbook(book))
    summary = at.dataframe[0].value
    assert summary.iloc[:, 0].tolist() == ["sources", "projects", "funding", "locations", "reach", "milestones"]
    assert summary.iloc[:, 2].tolist() == ["1", "1", "1", "2", "1", "1"]  # rows added per table
    at.text_area(key="publish-message").set_value("Clean Air Pilot added from its inception report").run()
    at.button(key="publish").click().run()
    assert not at.exception and revisions.latest_id(database_url()) == 2
    assert shown(at.success[0].value).startswith("Published revision 2" if lang == "en" else "已发布第2版")
    # On every page: the overview counts it, the reach figure is the largest.
    at.switch_page("../../pages/overview.py").run()
    figures = metrics(at)
    assert figures["Projects" if lang == "en" else "项目数"] == "4" and figures["Largest participant figure" if lang == "en" else "最大的受益人数"] == "4,321"
    # Rolled back on the History page: a new revision with the old data.
    at.switch_page("../../pages/history.py").run()
    at.selectbox(key="rollback-to").set_value(1)
    at.text_input(key="rollback-message").set_value("Published too early")
    at.button(key="rollback-submit").click().run()
    assert revisions.latest_id(database_url()) == 3 and revisions.history(database_url())[0].rollback_of == 1
    at.switch_page("../../pages/overview.py").run()
    assert metrics(at)["Projects" if lang == "en" else "项目数"] == "3"


def test_problems_block_publishing_and_name_sheet_row_and_column(served):
    at = app_as(EDITOR, page="manage")
    book = openpyxl.load_workbook(io.BytesIO(officer_workbook(edit_workbook(revisions.read_frames(database_url())))))
    book["reach"]["D5"] = "about 4,000"
    out = io.BytesIO()
    book.save(out)
    upload(at, "portfolio.xlsx", out.getvalue())
    assert shown(at.error[0].value).startswith("1 problem(s): nothing can be published")
    problems = at.dataframe[0].value
    assert problems.iloc[0].tolist()[:4] == ["sheet reach", "5", "value", "about 4,000"]
    assert not [b for b in at.get("button") if b.key == "publish"]
    # The draft outlives a refresh: a new session of the same editor finds it.
    again = app_as(EDITOR, page="manage")
    assert shown(again.info[0].value).startswith("Your draft: portfolio.xlsx") and shown(again.error[0].value).startswith("1 problem(s)")
    again.button(key="discard").click().run()
    assert again.get("file_uploader")


def test_a_stale_draft_is_refused_with_what_was_published_meanwhile(served):
    at = app_as(EDITOR, page="manage")
    upload(at, "portfolio.xlsx", officer_workbook(edit_workbook(revisions.read_frames(database_url()))))
    frames = revisions.read_frames(database_url())
    frames["projects"].loc[frames["projects"].index[0], "title"] = "Renamed meanwhile"
    revisions.publish(database_url(), frames, "zhang.min@undp.org", "Renamed **meanwhile** <b>x</b>", base=1, origin="upload")
    at.run()
    assert "Revision 2 was published after your draft was made" in shown(at.warning[0].value)
    at.text_area(key="publish-message").set_value("Clean Air Pilot").run()
    at.button(key="publish").click().run()
    refusal = at.error[0].value
    assert "revision 2 by zhang.min" in shown(refusal) and revisions.latest_id(database_url()) == 2
    assert "\\*\\*meanwhile\\*\\*" in refusal and "\\<b" in refusal  # what people wrote is text, not Markdown or markup


@pytest.mark.parametrize("email", [None, "someone@example.org"])
def test_people_who_are_not_editors_get_no_editing(served, email):
    at = app_as(email)
    assert not at.exception
    labels = [b.label for b in at.get("button")]
    assert ("Sign in (editors)" in labels) == (email is None) and ("Sign out" in labels) == (email is not None)
    assert not at.get("file_uploader")


def test_the_pages_each_role_is_offered():
    signed = auth.access_from({"auth": SIGN_IN, "roles": {"editors": [EDITOR, "@stats.example.org"], "admins": ["steward@undp.org"]}})
    assert auth.role_of("Officer@UNDP.org", signed) == auth.EDITOR and auth.role_of("any@stats.example.org", signed) == auth.EDITOR
    assert auth.role_of("steward@undp.org", signed) == auth.ADMIN and auth.role_of("someone@example.org", signed) == auth.VIEWER
    assert auth.hidden_pages(auth.EDITOR, signed) == set() and auth.hidden_pages(auth.VIEWER, signed) == {"manage", "history"}
    unsigned = auth.access_from({})
    assert not unsigned.sign_in and auth.role_of(EDITOR, unsigned) == auth.VIEWER  # no identity provider: nobody edits
    assert auth.hidden_pages(auth.VIEWER, unsigned) == {"manage"}  # the History names shell users only
    half = auth.access_from({"auth": {**SIGN_IN, "client_secret": ""}, "roles": {"viewers_must_sign_in": True}})
    assert not half.sign_in and not half.viewers_must_sign_in  # an incomplete configuration signs nobody in, and locks nobody out


def test_a_period_left_open_follows_a_revision_that_adds_years(served):
    # A period left open takes in the new years; one someone chose stays.
    at = app_as(EDITOR)
    assert [s.value for s in at.selectbox if s.label in ("From year", "To year")] == [2010, 2014]
    frames = revisions.read_frames(database_url())
    frames["milestones"].loc[frames["milestones"].index[0], "date"] = "2026-05"
    revisions.publish(database_url(), frames, EDITOR, "A milestone moved", base=1, origin="upload")
    at.run()
    assert [s.value for s in at.selectbox if s.label in ("From year", "To year")] == [2010, 2026]
    next(s for s in at.selectbox if s.label == "From year").set_value(2012).run()
    assert at.session_state["year_from"] == 2012 and metrics(at)["Projects"] == "2"
