import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'mention', 'reply', 'assigned', 'review_requested', 'changes_requested', 'approved',
               'no_objections', 'reopened', 'withdrawn', 'suggestion_accepted'`;

/**
 * Whoever writes a section hears of a new thread on it (docs/comments.md): `commented` for a
 * comment, `suggested` for a suggested change.
 */
export class AddCommentNotifications1765160000000 implements MigrationInterface {
  name = 'AddCommentNotifications1765160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT chk_notifications_kind`);
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT chk_notifications_kind
         CHECK (kind IN (${KINDS}, 'commented', 'suggested'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notifications WHERE kind IN ('commented', 'suggested')`);
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT chk_notifications_kind`);
    await queryRunner.query(`ALTER TABLE notifications ADD CONSTRAINT chk_notifications_kind CHECK (kind IN (${KINDS}))`);
  }
}
