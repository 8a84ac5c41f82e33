"""Path converters of the API's URLs."""

# The largest id a database column holds (a 64-bit signed integer, BigAutoField's range).
MAX_ID = 2**63 - 1


class IdConverter:
    """`<id:pk>`: a row id, like `<int:pk>`, but a number past what the database holds does
    not match (SQLite raises OverflowError on it): the path is unknown, a 404 like any id
    that names no row."""

    regex = "[0-9]{1,20}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError("past the database's integers")
        return number

    def to_url(self, value: int) -> str:
        return str(value)
