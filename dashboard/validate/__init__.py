"""Validation: rules that take the package's tables as text, from any source (a CSV
folder, a workbook, a database), and return problems; never raise on bad data."""
