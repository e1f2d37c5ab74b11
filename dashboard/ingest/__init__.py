"""Ingestion: read a source (a CSV folder today) into tables of text cells, passing no
judgement on the values; validation is the next step."""
