import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closure for the review (docs/outline.md, "Review"): a reviewer's "no objections" is a step
 * of the section's history that leaves the state in review, and two notification kinds
 * (`no_objections` to the leads, `reopened` to the authors) carry the step's note.
 */
export class AddReviewVerdicts1765010000000 implements MigrationInterface {
  name = 'AddReviewVerdicts1765010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE section_transitions DROP CONSTRAINT chk_section_transitions_action`);
    await queryRunner.query(
      `ALTER TABLE section_transitions ADD CONSTRAINT chk_section_transitions_action
         CHECK (action IN ('submit', 'request_changes', 'approve', 'reopen', 'no_objections'))`,
    );
    // A verdict is only ever given in review and changes nothing: the history keeps replaying.
    await queryRunner.query(
      `ALTER TABLE section_transitions ADD CONSTRAINT chk_section_transitions_verdict
         CHECK (action <> 'no_objections' OR (from_state = 'in_review' AND to_state = 'in_review'))`,
    );
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT chk_notifications_kind`);
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT chk_notifications_kind
         CHECK (kind IN ('mention', 'reply', 'assigned', 'review_requested', 'changes_requested', 'approved',
                         'no_objections', 'reopened'))`,
    );
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN note text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The old constraints cannot hold the new rows: they go, as the feature does.
    await queryRunner.query(`ALTER TABLE notifications DROP COLUMN note`);
    await queryRunner.query(`DELETE FROM notifications WHERE kind IN ('no_objections', 'reopened')`);
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT chk_notifications_kind`);
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT chk_notifications_kind
         CHECK (kind IN ('mention', 'reply', 'assigned', 'review_requested', 'changes_requested', 'approved'))`,
    );
    await queryRunner.query(`DELETE FROM section_transitions WHERE action = 'no_objections'`);
    await queryRunner.query(
      `ALTER TABLE section_transitions DROP CONSTRAINT chk_section_transitions_verdict`,
    );
    await queryRunner.query(`ALTER TABLE section_transitions DROP CONSTRAINT chk_section_transitions_action`);
    await queryRunner.query(
      `ALTER TABLE section_transitions ADD CONSTRAINT chk_section_transitions_action
         CHECK (action IN ('submit', 'request_changes', 'approve', 'reopen'))`,
    );
  }
}
