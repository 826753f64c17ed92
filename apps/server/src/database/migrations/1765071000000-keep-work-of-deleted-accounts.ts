import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deleting an account (docs/accounts.md, "Deleting the account") removes the `users` row. What
 * the person did in projects stays, without their name: every reference to a user that is not
 * personal data of its own becomes NULL instead of blocking the delete (comments, resolutions,
 * projects and invitations they created, reviewer and trash marks). Versions, exports, images,
 * the review history and notifications' actors were SET NULL from the start.
 *
 * A resolved thread whose resolver is gone stays resolved: `resolved_by` may now be null while
 * `resolved_at` is set (never the other way round).
 */
const REFERENCES = [
  { table: 'comments', column: 'author_id', dropNotNull: true },
  { table: 'comments', column: 'resolved_by', dropNotNull: false },
  { table: 'projects', column: 'created_by', dropNotNull: true },
  { table: 'invitations', column: 'invited_by', dropNotNull: true },
  { table: 'invitations', column: 'accepted_by', dropNotNull: false },
  { table: 'sections', column: 'reviewer_id', dropNotNull: false },
  { table: 'sections', column: 'deleted_by', dropNotNull: false },
] as const;

export class KeepWorkOfDeletedAccounts1765071000000 implements MigrationInterface {
  name = 'KeepWorkOfDeletedAccounts1765071000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, column, dropNotNull } of REFERENCES) {
      if (dropNotNull) {
        await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN ${column} DROP NOT NULL`);
      }
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT fk_${table}_${column}`);
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT fk_${table}_${column}
           FOREIGN KEY (${column}) REFERENCES users (id) ON DELETE SET NULL`,
      );
    }
    await queryRunner.query(`ALTER TABLE comments DROP CONSTRAINT chk_comments_resolved`);
    await queryRunner.query(
      `ALTER TABLE comments ADD CONSTRAINT chk_comments_resolved CHECK (resolved_by IS NULL OR resolved_at IS NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Rows left by deleted accounts cannot meet the old rules: they go, as the feature does.
    await queryRunner.query(`DELETE FROM comments WHERE author_id IS NULL`);
    await queryRunner.query(`UPDATE comments SET resolved_at = NULL WHERE resolved_by IS NULL`);
    await queryRunner.query(`DELETE FROM invitations WHERE invited_by IS NULL`);
    await queryRunner.query(`DELETE FROM projects WHERE created_by IS NULL`);
    await queryRunner.query(`ALTER TABLE comments DROP CONSTRAINT chk_comments_resolved`);
    await queryRunner.query(
      `ALTER TABLE comments ADD CONSTRAINT chk_comments_resolved CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))`,
    );
    for (const { table, column, dropNotNull } of REFERENCES) {
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT fk_${table}_${column}`);
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT fk_${table}_${column} FOREIGN KEY (${column}) REFERENCES users (id)`,
      );
      if (dropNotNull) {
        await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL`);
      }
    }
  }
}
