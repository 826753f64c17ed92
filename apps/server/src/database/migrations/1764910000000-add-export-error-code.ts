import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A failed export's reason as a stable code for programs (`EXPORT_ERROR_CODES` of
 * libs/domain), beside the sentence in `error` (docs/export.md, "Jobs"). No CHECK on the
 * values: a new code must not need a migration; only the export runner writes the column.
 */
export class AddExportErrorCode1764910000000 implements MigrationInterface {
  name = 'AddExportErrorCode1764910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exports ADD COLUMN error_code text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exports DROP COLUMN error_code`);
  }
}
