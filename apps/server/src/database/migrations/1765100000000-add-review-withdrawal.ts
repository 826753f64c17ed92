import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Withdrawing a submission (docs/outline.md, "Withdrawing a submission"): the step `withdraw`
 * (in review back to draft) in a section's history, and the notification kind `withdrawn`
 * that tells the reviewer and the leads the section no longer waits for them.
 */
export class AddReviewWithdrawal1765100000000 implements MigrationInterface {
  name = 'AddReviewWithdrawal1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE section_transitions DROP CONSTRAINT chk_section_transitions_action`);
    await queryRunner.query(
      `ALTER TABLE section_transitions ADD CONSTRAINT chk_section_transitions_action
         CHECK (action IN ('submit', 'request_changes', 'approve', 'reopen', 'withdraw', 'no_objections'))`,
    );
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT chk_notifications_kind`);
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT chk_notifications_kind
         CHECK (kind IN ('mention', 'reply', 'assigned', 'review_requested', 'changes_requested', 'approved',
                         'no_objections', 'reopened', 'withdrawn'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The old constraints cannot hold the new rows: they go, as the feature does. A history with
    // a withdrawal no longer replays without it, which is why down is for development only.
    await queryRunner.query(`DELETE FROM notifications WHERE kind = 'withdrawn'`);
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT chk_notifications_kind`);
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT chk_notifications_kind
         CHECK (kind IN ('mention', 'reply', 'assigned', 'review_requested', 'changes_requested', 'approved',
                         'no_objections', 'reopened'))`,
    );
    await queryRunner.query(`DELETE FROM section_transitions WHERE action = 'withdraw'`);
    await queryRunner.query(`ALTER TABLE section_transitions DROP CONSTRAINT chk_section_transitions_action`);
    await queryRunner.query(
      `ALTER TABLE section_transitions ADD CONSTRAINT chk_section_transitions_action
         CHECK (action IN ('submit', 'request_changes', 'approve', 'reopen', 'no_objections'))`,
    );
  }
}
