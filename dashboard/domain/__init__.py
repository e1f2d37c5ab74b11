"""The domain: filters applied to the package, and figures as plain numbers and frames of
ids (no language, no Streamlit)."""
