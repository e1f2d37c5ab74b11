"""Presenter mode: full-screen slides of the current view, keyboard and autoplay, and the
briefing pack to download."""

import html
import time

import streamlit as st

from dashboard.briefing.images import figure_png, slide_images
from dashboard.briefing.pdf import write_pdf
from dashboard.briefing.pptx import write_pptx
from dashboard.briefing.slides import BUILDERS, build_slide, build_slides
from dashboard.present.i18n import t
from dashboard.present.text import filters_summary
from dashboard.web import state

ctx = state.context()
view, lang = ctx.view, ctx.lang
count = len(BUILDERS)
number = state.slide_number(count)
state.go_to_slide(number, count)
slide = build_slide(number, ctx.package, view, lang)
filters_line = filters_summary(view, lang)

# Full-screen slides: no sidebar, header or toolbar; type sized for the back of the room.
st.markdown(
    """<style>
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
    [data-testid="stToolbar"], [data-testid="stDecoration"] {display: none !important;}
    [data-testid="stMainBlockContainer"] {padding-top: 1.2rem; max-width: 100%;}
    [data-testid="stMainBlockContainer"] h1 {font-size: clamp(2.2rem, 4.2vw, 4.2rem); color: #006EB5; line-height: 1.15; padding: 0;}
    .slide-lines li {font-size: clamp(1.3rem, 2.2vw, 2.3rem); line-height: 1.45;}
    .slide-lines.compact li {font-size: clamp(1.05rem, 1.5vw, 1.6rem);}
    .slide-footer {font-size: clamp(1rem, 1.3vw, 1.4rem); color: #333; display: flex; justify-content: space-between;}
    </style>""",
    unsafe_allow_html=True,
)

st.title(slide.title, anchor=False)
# Data reaches this HTML as text: every line is escaped before it is inserted.
st.markdown(f'<div class="slide-footer"><span>{html.escape(filters_line)}</span><span>{number} / {count}</span></div>', unsafe_allow_html=True)
if slide.lines:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in slide.lines)
    st.markdown(f'<ul class="slide-lines{" compact" if slide.figure else ""}">{items}</ul>', unsafe_allow_html=True)
if slide.figure is not None:
    slide.figure.update_layout(font={"size": 20}, height=560)
    st.plotly_chart(slide.figure, theme=None, key=f"slide-{slide.key}", config={"displaylogo": False, "responsive": True})

left, middle, right = st.columns([1, 2, 1])
left.button(f"← {t('present.previous', lang)}", on_click=state.go_to_slide, args=(number - 1, count), shortcut="Left", disabled=number == 1, key="previous")
right.button(f"{t('present.next', lang)} →", on_click=state.go_to_slide, args=(number + 1, count), shortcut="Right", disabled=number == count, key="next")
with middle:
    autoplay = st.toggle(t("present.autoplay", lang), key=state.AUTOPLAY)
    interval = st.select_slider(t("present.interval", lang), options=[10, 15, 20, 30, 45, 60, 90, 120], value=30, key=state.INTERVAL)
    st.caption(t("present.keys", lang))


@st.fragment(run_every=interval if autoplay else None)
def advance_on_timer() -> None:
    """Move to the next slide when autoplay is on and the interval has passed."""
    # The fragment reruns every `interval` seconds; the first run is the page drawing itself.
    if autoplay and state.autoplay_due(interval, time.time()):
        state.go_to_slide(number % count + 1, count)
        st.rerun(scope="app")


state.slide_shown(time.time())
advance_on_timer()


def pack(writer) -> bytes:
    """The whole briefing pack, built only when its button is clicked."""
    slides = build_slides(ctx.package, view, lang)
    return writer(slides, filters_line, slide_images(slides))


with st.expander(t("present.downloads", lang)):
    a, b, c = st.columns(3)
    a.download_button(t("present.pptx", lang), lambda: pack(write_pptx), file_name="briefing.pptx", mime="application/vnd.openxmlformats-officedocument.presentationml.presentation")
    b.download_button(t("present.pdf", lang), lambda: pack(write_pdf), file_name="briefing.pdf", mime="application/pdf")
    if slide.figure is not None:
        c.download_button(t("present.png", lang), lambda: figure_png(slide.figure), file_name=f"{slide.key}.png", mime="image/png")
    st.caption("\n".join(f"- {line}" for line in slide.sources))
    st.page_link(ctx.pages[""], label=t("present.exit", lang))
