import time

import streamlit as st

from dashboard import briefing, metrics, ui
from dashboard.i18n import t

ctx = ui.context()
view, lang = ctx.view, ctx.lang
slides = briefing.build_slides(ctx.package, view, lang)
count = len(slides)
number = min(max(int(st.session_state.get("slide", 1)), 1), count)
st.session_state["slide"] = number
st.session_state["_presenting"] = True  # the entrypoint keeps ?slide= in the URL
slide = slides[number - 1]
filters_line = metrics.filters_summary(view, lang)

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


def go_to(target: int) -> None:
    st.session_state["slide"] = min(max(target, 1), count)
    st.session_state["_presenting"] = True


st.title(slide.title, anchor=False)
st.markdown(f'<div class="slide-footer"><span>{filters_line}</span><span>{number} / {count}</span></div>', unsafe_allow_html=True)
if slide.lines:
    items = "".join(f"<li>{line}</li>" for line in slide.lines)
    st.markdown(f'<ul class="slide-lines{" compact" if slide.figure else ""}">{items}</ul>', unsafe_allow_html=True)
if slide.figure is not None:
    figure = slide.figure
    figure.update_layout(font={"size": 20}, height=560)
    st.plotly_chart(figure, theme=None, key=f"slide-{slide.key}", config={"displaylogo": False, "responsive": True})

left, middle, right = st.columns([1, 2, 1])
left.button(f"← {t('present.previous', lang)}", on_click=go_to, args=(number - 1,), shortcut="Left", disabled=number == 1, key="previous")
right.button(f"{t('present.next', lang)} →", on_click=go_to, args=(number + 1,), shortcut="Right", disabled=number == count, key="next")
with middle:
    autoplay = st.toggle(t("present.autoplay", lang), key="autoplay")
    interval = st.select_slider(t("present.interval", lang), options=[10, 15, 20, 30, 45, 60, 90, 120], value=30, key="interval")
    st.caption(t("present.keys", lang))


@st.fragment(run_every=interval if autoplay else None)
def advance_on_timer() -> None:
    # The fragment reruns every `interval` seconds; the first run is the page drawing itself.
    last = st.session_state.setdefault("_slide_shown_at", time.time())
    if autoplay and time.time() - last >= interval - 0.5:
        st.session_state["_slide_shown_at"] = time.time()
        go_to(number % count + 1)
        st.rerun(scope="app")


st.session_state["_slide_shown_at"] = time.time()
advance_on_timer()

with st.expander(t("present.downloads", lang)):
    a, b, c = st.columns(3)
    a.download_button(
        t("present.pptx", lang),
        lambda: briefing.write_pptx(slides, filters_line, briefing.briefing_images(slides)),
        file_name="briefing.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
    )
    b.download_button(t("present.pdf", lang), lambda: briefing.write_pdf(slides, filters_line, briefing.briefing_images(slides)), file_name="briefing.pdf", mime="application/pdf")
    if slide.figure is not None:
        c.download_button(t("present.png", lang), lambda: briefing.figure_png(slide.figure), file_name=f"{slide.key}.png", mime="image/png")
    st.caption("\n".join(f"- {line}" for line in slide.sources))
    st.page_link(ctx.pages[""], label=t("present.exit", lang))
