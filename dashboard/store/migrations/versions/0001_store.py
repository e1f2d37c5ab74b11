"""The store: revisions, the audit log, the publish lock and one table per package table
(written by Alembic's autogenerate from `dashboard/store/db_schema.py`).

Revision ID: 0001
Revises: 
Create Date: 2026-12-06 23:55:03.464554
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('revisions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('base_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('rollback_of', sa.Integer(), nullable=True),
    sa.Column('counts', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['base_id'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['rollback_of'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('base_id')
    )
    store_lock = op.create_table('store_lock',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('publishes', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.bulk_insert(store_lock, [{"id": 1, "publishes": 0}])  # the one row each publish locks
    op.create_table('audit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.Text(), nullable=False),
    sa.Column('row_key', sa.Text(), nullable=False),
    sa.Column('column_name', sa.Text(), nullable=False),
    sa.Column('old', sa.Text(), nullable=True),
    sa.Column('new', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['revision_id'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index('ix_audit_revision', ['revision_id'], unique=False)

    op.create_table('data_budgets',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('output_id', sa.Text(), server_default='', nullable=False),
    sa.Column('line', sa.Text(), server_default='', nullable=False),
    sa.Column('period_start', sa.Text(), server_default='', nullable=False),
    sa.Column('period_end', sa.Text(), server_default='', nullable=False),
    sa.Column('amount_usd', sa.Text(), server_default='', nullable=False),
    sa.Column('budget_type', sa.Text(), server_default='', nullable=False),
    sa.Column('budget_status', sa.Text(), server_default='', nullable=False),
    sa.Column('value_date', sa.Text(), server_default='', nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('section', sa.Text(), server_default='', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('note_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_budgets', schema=None) as batch_op:
        batch_op.create_index('ix_data_budgets_current', ['_removed'], unique=False)

    op.create_table('data_differences',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('field', sa.Text(), server_default='', nullable=False),
    sa.Column('documented', sa.Text(), server_default='', nullable=False),
    sa.Column('documented_source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('published', sa.Text(), server_default='', nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('section', sa.Text(), server_default='', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('note_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_differences', schema=None) as batch_op:
        batch_op.create_index('ix_data_differences_current', ['_removed'], unique=False)

    op.create_table('data_five_year_plans',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('plan', sa.Text(), server_default='', nullable=False),
    sa.Column('name', sa.Text(), server_default='', nullable=False),
    sa.Column('name_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('start_year', sa.Text(), server_default='', nullable=False),
    sa.Column('end_year', sa.Text(), server_default='', nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_five_year_plans', schema=None) as batch_op:
        batch_op.create_index('ix_data_five_year_plans_current', ['_removed'], unique=False)

    op.create_table('data_funding',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('line', sa.Text(), server_default='', nullable=False),
    sa.Column('funder_as_named', sa.Text(), server_default='', nullable=False),
    sa.Column('funder', sa.Text(), server_default='', nullable=False),
    sa.Column('funder_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('funder_type', sa.Text(), server_default='', nullable=False),
    sa.Column('amount_usd', sa.Text(), server_default='', nullable=False),
    sa.Column('qualifier', sa.Text(), server_default='', nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('section', sa.Text(), server_default='', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('note_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_funding', schema=None) as batch_op:
        batch_op.create_index('ix_data_funding_current', ['_removed'], unique=False)

    op.create_table('data_locations',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('place_as_written', sa.Text(), server_default='', nullable=False),
    sa.Column('province_code', sa.Text(), server_default='', nullable=False),
    sa.Column('admin_level', sa.Text(), server_default='', nullable=False),
    sa.Column('admin_code', sa.Text(), server_default='', nullable=False),
    sa.Column('latitude', sa.Text(), server_default='', nullable=False),
    sa.Column('longitude', sa.Text(), server_default='', nullable=False),
    sa.Column('role', sa.Text(), server_default='', nullable=False),
    sa.Column('since', sa.Text(), server_default='', nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('section', sa.Text(), server_default='', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('note_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_locations', schema=None) as batch_op:
        batch_op.create_index('ix_data_locations_current', ['_removed'], unique=False)

    op.create_table('data_milestones',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('milestone_id', sa.Text(), server_default='', nullable=False),
    sa.Column('project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('date', sa.Text(), server_default='', nullable=False),
    sa.Column('date_qualifier', sa.Text(), server_default='', nullable=False),
    sa.Column('kind', sa.Text(), server_default='', nullable=False),
    sa.Column('title', sa.Text(), server_default='', nullable=False),
    sa.Column('title_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('five_year_plan', sa.Text(), server_default='', nullable=False),
    sa.Column('count', sa.Text(), server_default='', nullable=False),
    sa.Column('count_unit', sa.Text(), server_default='', nullable=False),
    sa.Column('count_unit_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('status', sa.Text(), server_default='', nullable=False),
    sa.Column('scope', sa.Text(), server_default='', nullable=False),
    sa.Column('province_code', sa.Text(), server_default='', nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('section', sa.Text(), server_default='', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('note_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_milestones', schema=None) as batch_op:
        batch_op.create_index('ix_data_milestones_current', ['_removed'], unique=False)

    op.create_table('data_outputs',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('output_id', sa.Text(), server_default='', nullable=False),
    sa.Column('project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('undp_output_id', sa.Text(), server_default='', nullable=False),
    sa.Column('title', sa.Text(), server_default='', nullable=False),
    sa.Column('title_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('description_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('start', sa.Text(), server_default='', nullable=False),
    sa.Column('end', sa.Text(), server_default='', nullable=False),
    sa.Column('status', sa.Text(), server_default='', nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('section', sa.Text(), server_default='', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('note_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_outputs', schema=None) as batch_op:
        batch_op.create_index('ix_data_outputs_current', ['_removed'], unique=False)

    op.create_table('data_partners',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('partner_as_named', sa.Text(), server_default='', nullable=False),
    sa.Column('partner', sa.Text(), server_default='', nullable=False),
    sa.Column('partner_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('role', sa.Text(), server_default='', nullable=False),
    sa.Column('partner_type', sa.Text(), server_default='', nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('section', sa.Text(), server_default='', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('note_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_partners', schema=None) as batch_op:
        batch_op.create_index('ix_data_partners_current', ['_removed'], unique=False)

    op.create_table('data_projects',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('title', sa.Text(), server_default='', nullable=False),
    sa.Column('title_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('short_title', sa.Text(), server_default='', nullable=False),
    sa.Column('short_title_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('description_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('start', sa.Text(), server_default='', nullable=False),
    sa.Column('end', sa.Text(), server_default='', nullable=False),
    sa.Column('planned_start', sa.Text(), server_default='', nullable=False),
    sa.Column('planned_end', sa.Text(), server_default='', nullable=False),
    sa.Column('status', sa.Text(), server_default='', nullable=False),
    sa.Column('undp_project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('total_budget_usd', sa.Text(), server_default='', nullable=False),
    sa.Column('themes', sa.Text(), server_default='', nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('section', sa.Text(), server_default='', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('note_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_projects', schema=None) as batch_op:
        batch_op.create_index('ix_data_projects_current', ['_removed'], unique=False)

    op.create_table('data_reach',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('line', sa.Text(), server_default='', nullable=False),
    sa.Column('measure', sa.Text(), server_default='', nullable=False),
    sa.Column('value', sa.Text(), server_default='', nullable=False),
    sa.Column('qualifier', sa.Text(), server_default='', nullable=False),
    sa.Column('unit', sa.Text(), server_default='', nullable=False),
    sa.Column('audience', sa.Text(), server_default='', nullable=False),
    sa.Column('audience_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('period_from', sa.Text(), server_default='', nullable=False),
    sa.Column('as_of', sa.Text(), server_default='', nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('section', sa.Text(), server_default='', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('note_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_reach', schema=None) as batch_op:
        batch_op.create_index('ix_data_reach_current', ['_removed'], unique=False)

    op.create_table('data_results',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('output_id', sa.Text(), server_default='', nullable=False),
    sa.Column('line', sa.Text(), server_default='', nullable=False),
    sa.Column('result_kind', sa.Text(), server_default='', nullable=False),
    sa.Column('result_title', sa.Text(), server_default='', nullable=False),
    sa.Column('indicator', sa.Text(), server_default='', nullable=False),
    sa.Column('indicator_description', sa.Text(), server_default='', nullable=False),
    sa.Column('period_start', sa.Text(), server_default='', nullable=False),
    sa.Column('period_end', sa.Text(), server_default='', nullable=False),
    sa.Column('baseline_year', sa.Text(), server_default='', nullable=False),
    sa.Column('baseline_value', sa.Text(), server_default='', nullable=False),
    sa.Column('baseline_text', sa.Text(), server_default='', nullable=False),
    sa.Column('target_value', sa.Text(), server_default='', nullable=False),
    sa.Column('target_text', sa.Text(), server_default='', nullable=False),
    sa.Column('actual_value', sa.Text(), server_default='', nullable=False),
    sa.Column('actual_text', sa.Text(), server_default='', nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('section', sa.Text(), server_default='', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('note_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_results', schema=None) as batch_op:
        batch_op.create_index('ix_data_results_current', ['_removed'], unique=False)

    op.create_table('data_sources',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('file_name', sa.Text(), server_default='', nullable=False),
    sa.Column('kind', sa.Text(), server_default='', nullable=False),
    sa.Column('title', sa.Text(), server_default='', nullable=False),
    sa.Column('title_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('publisher', sa.Text(), server_default='', nullable=False),
    sa.Column('publisher_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('date', sa.Text(), server_default='', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('note_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('url', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_sources', schema=None) as batch_op:
        batch_op.create_index('ix_data_sources_current', ['_removed'], unique=False)

    op.create_table('data_transactions',
    sa.Column('_row_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('project_id', sa.Text(), server_default='', nullable=False),
    sa.Column('output_id', sa.Text(), server_default='', nullable=False),
    sa.Column('line', sa.Text(), server_default='', nullable=False),
    sa.Column('date', sa.Text(), server_default='', nullable=False),
    sa.Column('kind', sa.Text(), server_default='', nullable=False),
    sa.Column('amount_usd', sa.Text(), server_default='', nullable=False),
    sa.Column('provider', sa.Text(), server_default='', nullable=False),
    sa.Column('receiver', sa.Text(), server_default='', nullable=False),
    sa.Column('source_id', sa.Text(), server_default='', nullable=False),
    sa.Column('section', sa.Text(), server_default='', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('note_zh', sa.Text(), server_default='', nullable=False),
    sa.Column('_added', sa.Integer(), nullable=False),
    sa.Column('_removed', sa.Integer(), nullable=True),
    sa.Column('_position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['_added'], ['revisions.id'], ),
    sa.ForeignKeyConstraint(['_removed'], ['revisions.id'], ),
    sa.PrimaryKeyConstraint('_row_id')
    )
    with op.batch_alter_table('data_transactions', schema=None) as batch_op:
        batch_op.create_index('ix_data_transactions_current', ['_removed'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('data_transactions', schema=None) as batch_op:
        batch_op.drop_index('ix_data_transactions_current')

    op.drop_table('data_transactions')
    with op.batch_alter_table('data_sources', schema=None) as batch_op:
        batch_op.drop_index('ix_data_sources_current')

    op.drop_table('data_sources')
    with op.batch_alter_table('data_results', schema=None) as batch_op:
        batch_op.drop_index('ix_data_results_current')

    op.drop_table('data_results')
    with op.batch_alter_table('data_reach', schema=None) as batch_op:
        batch_op.drop_index('ix_data_reach_current')

    op.drop_table('data_reach')
    with op.batch_alter_table('data_projects', schema=None) as batch_op:
        batch_op.drop_index('ix_data_projects_current')

    op.drop_table('data_projects')
    with op.batch_alter_table('data_partners', schema=None) as batch_op:
        batch_op.drop_index('ix_data_partners_current')

    op.drop_table('data_partners')
    with op.batch_alter_table('data_outputs', schema=None) as batch_op:
        batch_op.drop_index('ix_data_outputs_current')

    op.drop_table('data_outputs')
    with op.batch_alter_table('data_milestones', schema=None) as batch_op:
        batch_op.drop_index('ix_data_milestones_current')

    op.drop_table('data_milestones')
    with op.batch_alter_table('data_locations', schema=None) as batch_op:
        batch_op.drop_index('ix_data_locations_current')

    op.drop_table('data_locations')
    with op.batch_alter_table('data_funding', schema=None) as batch_op:
        batch_op.drop_index('ix_data_funding_current')

    op.drop_table('data_funding')
    with op.batch_alter_table('data_five_year_plans', schema=None) as batch_op:
        batch_op.drop_index('ix_data_five_year_plans_current')

    op.drop_table('data_five_year_plans')
    with op.batch_alter_table('data_differences', schema=None) as batch_op:
        batch_op.drop_index('ix_data_differences_current')

    op.drop_table('data_differences')
    with op.batch_alter_table('data_budgets', schema=None) as batch_op:
        batch_op.drop_index('ix_data_budgets_current')

    op.drop_table('data_budgets')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_revision')

    op.drop_table('audit')
    op.drop_table('store_lock')
    op.drop_table('revisions')
