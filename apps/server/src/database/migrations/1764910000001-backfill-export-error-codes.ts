import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Codes for the jobs that failed before `error_code` existed, read from their sentences
 * (the texts the runner and the renderer wrote until then); whatever else failed is
 * `UNEXPECTED`. Down leaves the codes: the column's own migration drops them.
 */
export class BackfillExportErrorCodes1764910000001 implements MigrationInterface {
  name = 'BackfillExportErrorCodes1764910000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE exports SET error_code = CASE
          WHEN error LIKE 'The PDF could not be typeset:%' OR error LIKE 'The PDF could not be written:%' THEN 'TYPESET_FAILED'
          WHEN error LIKE 'The PDF took longer than %' THEN 'TIMEOUT'
          WHEN error LIKE 'The export renderer %' THEN 'RENDERER_CRASHED'
          WHEN error LIKE 'Not every section is approved any more%' OR error LIKE '%has no approved version%' THEN 'NOT_ALL_APPROVED'
          WHEN error LIKE 'The server stopped while this export ran%' THEN 'INTERRUPTED'
          ELSE 'UNEXPECTED'
        END
        WHERE status = 'failed' AND error_code IS NULL`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the codes are a reading of `error`, which stays as it was.
  }
}
