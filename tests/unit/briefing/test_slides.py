"""The briefing's slides: order, text from the same sources as the pages, one slide built
alone, and the PowerPoint structure (without chart images, which the browser tests draw)."""

import io

from pptx import Presentation
from pptx.oxml.ns import qn

from dashboard.briefing.pdf import slides_html
from dashboard.domain import figures
from dashboard.briefing.pptx import EAST_ASIAN_FONT, write_pptx
from dashboard.briefing.slides import BUILDERS, build_slide, build_slides
from dashboard.present.map_style import CHOSEN_OUTLINE, css
from dashboard.present.text import headline_cards
from helpers import view_of


def test_slides_in_presenting_order_with_sources(small):
    slides = build_slides(small, view_of(small), "en")
    assert [s.key for s in slides] == ["title", "headline", "map", "reach", "funding", "published_funding", "timeline", "results", "sources"]
    assert all(s.sources for s in slides)
    assert [s.key for s in slides if s.figure is not None] == ["map", "reach", "funding", "timeline"]


def test_headline_slide_says_what_the_overview_cards_say(small):
    view = view_of(small)
    slide = build_slide(2, small, view, "en")
    # Large numbers, not a paragraph: the cards themselves, and each said in full in the notes.
    assert slide.cards == headline_cards(view, "en") and slide.lines == []
    assert "Funding in the project documents: US$ 800 K (1 project(s) have no amount in any source: Policy Desk) Exact figure: US$ 800,000" in slide.talking_points


def test_timeline_slide_lists_policy_uptake_and_funding_slide_the_gaps(small):
    view = view_of(small)
    # What was adopted, into which plan, when: the counted result first.
    assert build_slide(7, small, view, "en").lines == [
        "★ 6 indicators → 12th Five-Year Plan, by 2012 (River Pilot)",
        "★ Training recommendations taken up nationally, date not reported (Coast Training)",
    ]
    assert build_slide(5, small, view, "en").lines == ["Projects with no amount in any source (documents or UNDP's file): Policy Desk."]


def test_map_slide_outlines_the_chosen_province(small):
    slide = build_slide(3, small, view_of(small, provinces=("530000",)), "en")
    assert css(CHOSEN_OUTLINE) in {s.line.color for s in slide.figure.layout.shapes}


def test_a_slide_with_nothing_to_show_says_so(small):
    view = view_of(small, projects=("desk",))
    reach = build_slide(4, small, view, "zh")
    assert reach.figure is None and reach.lines[-1] == "在当前筛选条件下没有可显示的内容。"
    assert len(BUILDERS) == 9


def test_powerpoint_has_native_text_notes_and_east_asian_fonts(small):
    slides = build_slides(small, view_of(small), "zh")
    prs = Presentation(io.BytesIO(write_pptx(slides, "全部项目", {})))
    assert len(prs.slides) == 9
    assert prs.slides[1].shapes.title.text == "主要数字"
    assert "全部项目    2/9" in [s.text_frame.text for s in prs.slides[1].shapes if s.has_text_frame]
    notes = prs.slides[4].notes_slide.notes_text_frame.text
    # Talking points from the data first, then the sources.
    assert notes.startswith("项目文件所载、注明出资方的资金：75万美元（750,000 美元），来自2个出资方。\n以上为三类金额，从不相加")
    assert "有50,000 美元的资金未注明出资方" in notes  # the rest of the documented 800,000, said as such
    assert "\n\n来源：\n沿海培训：项目简介（测试数据） (doc-coast.txt): Budget" in notes
    fonts = {ea.get("typeface") for s in prs.slides for shape in s.shapes if shape.has_text_frame for ea in shape._element.iter(qn("a:ea"))}
    assert fonts == {EAST_ASIAN_FONT}


def test_pdf_page_escapes_text(small):
    page = slides_html(build_slides(small, view_of(small), "en"), "A <b> & C", {})
    assert "A &lt;b&gt; &amp; C" in page and page.count("<section>") == 9


def test_published_budgets_and_spending_have_a_slide_or_say_there_are_none(small, bundled):
    slide = build_slide(6, bundled, view_of(bundled), "en")
    assert slide.key == "published_funding" and slide.figure is not None
    by_year = figures.budget_and_spending_by_year(view_of(bundled))
    # The talking points give each year's figures, a gap as a gap.
    assert len(slide.talking_points) == 2 + len(by_year)
    assert any(p.startswith(f"{int(by_year['year'].max())}: budget ") and p.endswith("spending not reported.") for p in slide.talking_points)
    assert "IATI" in slide.sources[0]
    none = build_slide(6, small, view_of(small), "zh")
    assert none.figure is None and none.lines == ["所选项目没有公布的预算或交易。"]


def test_funding_slide_shows_the_portfolios_funders_each_kind_of_amount_apart(bundled):
    view = view_of(bundled)
    slide = build_slide(5, bundled, view, "en")
    every = figures.funders(view)
    assert slide.title == "Largest funders across the portfolio (USD)"
    assert slide.chart is not None and not slide.chart.stacked  # kinds of amount side by side, never stacked into a sum
    assert slide.chart.categories[0] == "Global Environment Fund Truste" and slide.chart.categories[-1] == f"{len(every) - 3} other funders"
    assert set(slide.chart.series) == {"In the project documents", "Committed (UNDP's file)"}  # funds received in the notes
    notes = "\n".join(slide.talking_points)
    assert f"Commitments in UNDP's IATI file: US$ 146 M (US$ {every['committed_usd'].sum():,.0f})" in notes and "never added" in notes


def test_the_results_slide_counts_statuses_and_names_the_largest_people_figure(bundled):
    from dashboard.domain.results import indicator_figures

    view = view_of(bundled)
    slide = build_slide(8, bundled, view, "en")
    figures = indicator_figures(view)
    cards = {c.label: c for c in slide.cards}
    assert sum(int(cards[label].value) for label in ("Achieved", "On track", "Behind", "No actual yet", "Not a number")) == len(figures)
    people = figures[figures["measure"] == "people_reached"]["actual_value"].max()
    assert cards["Largest participant figure"].value == f"{people / 1e3:.0f} K"
    assert any(p.startswith(f"{people:,.0f} people: ") and "Country programme (7 projects)" in p for p in slide.talking_points)
