"""Transactions keep the IATI organisation type of their provider (`provider_type`), so
funders can be told apart by kind: a government, a multilateral fund, a private company.

Rows published before this revision of the schema read it as empty, as CSV packages
written before it do.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 22:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('data_transactions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('provider_type', sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('data_transactions', schema=None) as batch_op:
        batch_op.drop_column('provider_type')
