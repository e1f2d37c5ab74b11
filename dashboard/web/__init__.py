"""The Streamlit layer: the entry point and navigation (`app.py`), session and URL state
(`state.py`), shared page pieces (`components.py`) and cached data access (`data.py`)."""
