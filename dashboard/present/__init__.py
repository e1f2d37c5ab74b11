"""Presentation: strings and formats, display tables, reader text, charts, map style, the
interactive and static maps, and downloads. Pure functions, testable without Streamlit."""
