"""Presenter mode: full-screen slides of the current view, keyboard and autoplay, and the
briefing pack to download."""

import html
import time

import streamlit as st

from dashboard.briefing.images import figure_png
from dashboard.briefing.pack import pack_bytes
from dashboard.briefing.slides import BUILDERS, build_slides, shown_slide
from dashboard.present.i18n import t
from dashboard.present.text import filters_summary, text_fit
from dashboard.web import components, state

ctx = state.context()
view, lang = ctx.view, ctx.lang
count = len(BUILDERS)
number = state.slide_number(count)
state.go_to_slide(number, count)
slide, screen_figure = shown_slide(view, number, lang)
filters_line = filters_summary(view, lang)
INTERVALS = [10, 15, 20, 30, 45, 60, 90, 120]

components.present_style()
# Data reaches this HTML as text: every line is escaped before it is inserted.
with st.container(key="slide" if slide.figure is not None else "slide-text"):
    st.title(slide.title, anchor=False)
    st.markdown(f'<div class="slide-meta">{html.escape(filters_line)}</div>', unsafe_allow_html=True)
    if slide.cards:  # each part escaped: labels and notes carry data
        cells = "".join(f'<div class="slide-card"><div class="card-value">{html.escape(c.value)}</div><div class="card-label">{html.escape(c.label)}</div>'
                        + (f'<div class="card-note">{html.escape(c.note)}</div>' if c.note else "") + "</div>" for c in slide.cards)
        st.markdown(f'<div class="slide-cards">{cells}</div>', unsafe_allow_html=True)
    if slide.lines:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in slide.lines)
        st.markdown(f'<ul class="slide-lines" style="--fit: {text_fit(slide.lines, slide.figure is None):.2f}">{items}</ul>', unsafe_allow_html=True)
    if slide.figure is not None:
        st.plotly_chart(screen_figure, theme=None, key=f"slide-{slide.key}", height="stretch", config={"displaylogo": False, "responsive": True})

with st.container(key="slide-bar", horizontal=True):
    st.button(t("present.previous", lang), on_click=state.go_to_slide, args=(number - 1, count), shortcut="Left", disabled=number == 1, key="previous")
    st.button(t("present.next", lang), on_click=state.go_to_slide, args=(number + 1, count), shortcut="Right", disabled=number == count, key="next",
              help=t("present.keys", lang))
    autoplay = st.toggle(t("present.autoplay", lang), key=state.AUTOPLAY)
    interval = st.selectbox(t("present.interval", lang), INTERVALS, index=INTERVALS.index(30), format_func=lambda s: f"{s} s", key=state.INTERVAL,
                            label_visibility="collapsed", width=90)
    if autoplay:
        # The browser counts down; the slide number in the markup restarts it on every slide.
        st.html(f'<style>@keyframes left-{number} {{from {{--left: {interval}}} to {{--left: 0}}}}</style>'
                f'<span class="time-left" title="{html.escape(t("present.time_left", lang))}" '
                f'style="animation: left-{number} {interval}s linear forwards">{html.escape(t("present.time_left", lang))} </span>')
    st.html(f'<span class="slide-number">{number} / {count}</span>')
    downloads = st.popover(t("present.downloads", lang))


@st.fragment(run_every=interval if autoplay else None)
def advance_on_timer() -> None:
    """Move to the next slide when autoplay is on and the interval has passed."""
    # The fragment reruns every `interval` seconds; the first run is the page drawing itself.
    if autoplay and state.autoplay_due(interval, time.time()):
        state.go_to_slide(number % count + 1, count)
        st.rerun(scope="app")


state.slide_shown(time.time())
advance_on_timer()


def pack(kind: str) -> bytes:
    """The whole briefing pack, built only when its button is clicked."""
    return pack_bytes(build_slides(ctx.package, view, lang), filters_line, kind)


with downloads:
    a, b, c = st.columns(3)
    a.download_button(t("present.pptx", lang), lambda: pack("pptx"), file_name="briefing.pptx", mime="application/vnd.openxmlformats-officedocument.presentationml.presentation", on_click="ignore")
    b.download_button(t("present.pdf", lang), lambda: pack("pdf"), file_name="briefing.pdf", mime="application/pdf", on_click="ignore")
    if slide.figure is not None:
        c.download_button(t("present.png", lang), lambda: figure_png(slide.figure, slide.key), file_name=f"{slide.key}.png", mime="image/png", on_click="ignore")
    st.caption("\n".join(f"- {components.md(line)}" for line in slide.sources))
    st.caption(t("present.keys", lang))
    st.page_link(ctx.pages[""], label=t("present.exit", lang))
