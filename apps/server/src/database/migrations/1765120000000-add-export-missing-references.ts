import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many cross-references of a finished export had no target in the report (docs/export.md,
 * "PDF/A and tagging"): a draft marks them "Verweis fehlt", a final export prints only the
 * remembered title. Null for jobs from before, which did not record it.
 */
export class AddExportMissingReferences1765120000000 implements MigrationInterface {
  name = 'AddExportMissingReferences1765120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exports ADD COLUMN missing_references integer`);
    await queryRunner.query(
      `ALTER TABLE exports ADD CONSTRAINT chk_exports_missing_references CHECK (missing_references IS NULL OR missing_references >= 0)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exports DROP CONSTRAINT chk_exports_missing_references`);
    await queryRunner.query(`ALTER TABLE exports DROP COLUMN missing_references`);
  }
}
