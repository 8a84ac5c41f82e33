"""Create the PostgreSQL database a DATABASE_URL names when it does not exist yet."""

import sys

import dj_database_url
import psycopg
from psycopg import sql


def ensure_database(url: str) -> None:
    settings = dj_database_url.parse(url)
    name = settings["NAME"]
    params = {
        "host": settings["HOST"] or "127.0.0.1",
        "port": settings["PORT"] or 5432,
        "user": settings["USER"] or "postgres",
        "password": settings["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    try:
        with psycopg.connect(**params) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                print(f"created database {name}")
    except psycopg.OperationalError as error:
        sys.exit(f"PostgreSQL is not reachable at {params['host']}:{params['port']}: {error}")


if __name__ == "__main__":
    ensure_database(sys.argv[1])
