"""The base of errors that services raise: a stable code, a message for people, an HTTP status."""


class DomainError(Exception):
    """A refused operation. The API answers `status` with {"code", "message", "details"}."""

    status = 400

    def __init__(self, code: str, message, details: dict | None = None):
        self.code = code
        self.message = message
        self.details = details or {}
        super().__init__(f"{code}: {message}")
