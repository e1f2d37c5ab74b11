"""The briefing: slides for a filtered view (`slides.py`), their chart images
(`images.py`), and the PowerPoint (`pptx.py`) and PDF (`pdf.py`) packs."""
