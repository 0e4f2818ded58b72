"""The Jaarverslag (annual report) page, in parts: ``selection`` (what to report on), ``tables``
(the published tables and the method), ``narrative`` (signals and recommendations), ``preview``,
``export`` (files and the PDF preview, work on the worker thread) and ``page`` (``ReportPage``,
which puts them together)."""
