"""Alembic's entry: migrate the connection the store hands over (or one made from the URL)."""

from alembic import context
from sqlalchemy import create_engine

from dashboard.store.db_schema import metadata


def run() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is None:
        with create_engine(config.get_main_option("sqlalchemy.url")).begin() as made:
            _migrate(made)
    else:
        _migrate(connection)


def _migrate(connection) -> None:
    # Batch mode lets later migrations alter tables on SQLite, which has little ALTER TABLE.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run()
