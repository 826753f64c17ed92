import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'mention', 'reply', 'assigned', 'review_requested', 'changes_requested', 'approved',
               'no_objections', 'reopened', 'withdrawn'`;

/**
 * Suggested changes (docs/comments.md): a thread's root may propose a new text for its
 * passage (`suggestion`, '' to delete it) together with the passage's text as the server read
 * it then (`suggestion_quote`); accepting it puts it into the text and records who did and
 * when. Only an anchored root suggests (replies carry no anchor). Whoever accepted it is told
 * with a notification of its own kind.
 */
export class AddCommentSuggestions1765140000000 implements MigrationInterface {
  name = 'AddCommentSuggestions1765140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE comments
        ADD COLUMN suggestion text,
        ADD COLUMN suggestion_quote text,
        ADD COLUMN suggestion_accepted_at timestamptz,
        ADD COLUMN suggestion_accepted_by uuid,
        ADD CONSTRAINT fk_comments_suggestion_accepted_by
          FOREIGN KEY (suggestion_accepted_by) REFERENCES users (id) ON DELETE SET NULL,
        ADD CONSTRAINT chk_comments_suggestion CHECK ((suggestion IS NULL) = (suggestion_quote IS NULL)),
        ADD CONSTRAINT chk_comments_suggestion_anchor CHECK (suggestion IS NULL OR anchor_start IS NOT NULL),
        ADD CONSTRAINT chk_comments_suggestion_accepted
          CHECK (suggestion_accepted_at IS NULL OR suggestion IS NOT NULL),
        ADD CONSTRAINT chk_comments_suggestion_accepted_by
          CHECK (suggestion_accepted_by IS NULL OR suggestion_accepted_at IS NOT NULL)`);
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT chk_notifications_kind`);
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT chk_notifications_kind
         CHECK (kind IN (${KINDS}, 'suggestion_accepted'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notifications WHERE kind = 'suggestion_accepted'`);
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT chk_notifications_kind`);
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT chk_notifications_kind CHECK (kind IN (${KINDS}))`,
    );
    await queryRunner.query(`
      ALTER TABLE comments
        DROP COLUMN suggestion_accepted_by,
        DROP COLUMN suggestion_accepted_at,
        DROP COLUMN suggestion_quote,
        DROP COLUMN suggestion`);
  }
}
