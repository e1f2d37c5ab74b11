"""Results indicators say what they count (`measure`: people reached, policy uptake or
other) and why (`measure_basis`: the wording rule that suggested it, or who reviewed it
and when).

Rows published before this revision read both as empty, as CSV packages written before
it do; the pages then treat the indicator as `other` until an import or a person says more.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08 01:10:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('data_results', schema=None) as batch_op:
        batch_op.add_column(sa.Column('measure', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('measure_basis', sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('data_results', schema=None) as batch_op:
        batch_op.drop_column('measure_basis')
        batch_op.drop_column('measure')
