"""Reporting: aggregation, disclosure control and its audit, the report and its PDF/CSV/JSON/HTML forms."""
