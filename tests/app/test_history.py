"""The History page: the revision shown, every revision with who, when, why and counts, and
the changed cells, filtered by revision, table and text, to read and download."""

from __future__ import annotations

from dashboard.config import database_url
from dashboard.store import revisions
from helpers import open_page, shown


def test_history_lists_revisions_and_the_cells_each_changed(small_dir, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(small_dir))
    at = open_page("history")
    assert not at.exception
    assert shown(at.info[0].value).startswith("The pages show revision 1, published ") and "by the data folder on the server" in shown(at.info[0].value)
    url = database_url()
    frames = revisions.read_frames(url)
    old = frames["projects"].loc[frames["projects"]["project_id"] == "river", "title"].iloc[0]
    frames["projects"].loc[frames["projects"]["project_id"] == "river", "title"] = "River Pilot, second phase"
    revisions.publish(url, frames, "Li Wei", "Second phase", base=1, origin="upload")
    at.run()  # the next interaction: the new revision, no restart
    assert shown(at.info[0].value).startswith("The pages show revision 2") and "by Li Wei" in shown(at.info[0].value)
    listed = at.dataframe[0].value
    assert list(listed["Revision"]) == ["2", "1"] and list(listed["Why"]) == ["Second phase", "Created from the data package in small/"]
    assert listed["Rows added (+), changed (~), removed (−) per table"].iloc[0] == "projects +0 ~1 -0"
    at.selectbox(key="history-revision").set_value(2).run()
    cells = at.dataframe[1].value
    assert cells[["Table", "Row", "Column", "Before", "After"]].values.tolist() == [["projects", "river", "title", old, "River Pilot, second phase"]]
    at.selectbox(key="history-revision").set_value(None).run()
    at.multiselect(key="history-tables").set_value(["reach"]).run()
    whole = at.dataframe[1].value
    assert set(whole["Table"]) == {"reach"} and set(whole["Column"]) == {"(whole row)"} and whole["After"].str.contains("value: 250").any()
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download Excel"]
    at.text_input(key="history-find").set_value("no such text anywhere").run()
    assert "No changed cells match." in [shown(i.value) for i in at.info]
    assert [b.label for b in at.get("download_button")] == []


def test_history_reads_in_chinese(small_dir, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(small_dir))
    at = open_page("history", {"lang": "zh"})
    assert at.title[0].value == "修订历史" and shown(at.info[0].value).startswith("各页面显示的是第1版")
    assert "发布人" in at.dataframe[0].value.columns and at.dataframe[0].value["方式"].iloc[0] == "数据文件夹"
    # What the data folder published by itself is said in Chinese; the table filter too.
    assert "由服务器上的数据文件夹于" in shown(at.info[0].value)
    assert at.dataframe[0].value[["发布人", "说明"]].values.tolist() == [["服务器上的数据文件夹", "由 small/ 中的数据包创建"]]
    assert at.multiselect(key="history-tables").placeholder == "全部数据表"
