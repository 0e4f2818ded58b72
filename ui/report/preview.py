"""The "Preview" tab of the Jaarverslag page: the report as it will be published. With Qt's PDF
module the real PDF is shown; without it (PySide6-Essentials, the normal case) an HTML rendering of
the same published figures (``app.reporting.html``)."""
from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.reporting import report as R
from app.reporting.html import preview_html

try:  # not in PySide6-Essentials; the HTML preview below is the normal case
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installed Qt modules
    HAVE_QTPDF = False


class HtmlPreview(QTextBrowser):
    """The published report as HTML; the scroll position is kept when the text changes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)

    def show_report(self, prep: R.Prepared, narrative: str, practice: str) -> None:
        bar = self.verticalScrollBar()
        keep = bar.value()
        self.setHtml(preview_html(prep, narrative, practice=practice))
        bar.setValue(keep)


if HAVE_QTPDF:  # pragma: no cover - needs PySide6.QtPdf
    class PdfPreview(QPdfView):
        """The PDF exactly as the export writes it (made on the worker, see ``ui.report.export``)."""

        def __init__(self, parent: QWidget | None = None):
            super().__init__(parent)
            self.document_ = QPdfDocument(self)
            self.setDocument(self.document_)
            self.setPageMode(QPdfView.PageMode.MultiPage)
            self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self._buffer = None

        def show_pdf(self, data: bytes) -> None:
            buf = QBuffer(self)
            buf.setData(QByteArray(data))
            buf.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document_.close()
            self.document_.load(buf)
            self._buffer = buf

        def clear(self) -> None:
            self.document_.close()


def make_preview(parent: QWidget | None = None) -> QWidget:
    """The preview widget this Qt installation can show: a PDF view, else the HTML preview."""
    if HAVE_QTPDF:  # pragma: no cover
        return PdfPreview(parent)
    return HtmlPreview(parent)
