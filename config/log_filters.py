"""Console log filters."""

import logging


class NoTracebackForClientErrors(logging.Filter):
    """A 403 or 404 is the client's doing: one line says so (Django attaches the exception's
    traceback to its "Forbidden" warning, which buries the console under a refused click)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if 400 <= getattr(record, "status_code", 0) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
