import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a finished export became (docs/export.md, "PDF/A and tagging"): the PDF/A level of a
 * final export (`pdf-a-2a` or `pdf-a-2b`; null for drafts) and how many images lacked
 * alternative text. Both null for jobs from before, which did not record it.
 */
export class AddExportStandard1764940000000 implements MigrationInterface {
  name = 'AddExportStandard1764940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exports ADD COLUMN standard text`);
    await queryRunner.query(`ALTER TABLE exports ADD COLUMN images_without_alt integer`);
    await queryRunner.query(
      `ALTER TABLE exports ADD CONSTRAINT chk_exports_standard CHECK (standard IS NULL OR standard IN ('pdf-a-2a', 'pdf-a-2b'))`,
    );
    await queryRunner.query(
      `ALTER TABLE exports ADD CONSTRAINT chk_exports_images_without_alt CHECK (images_without_alt IS NULL OR images_without_alt >= 0)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exports DROP CONSTRAINT chk_exports_images_without_alt`);
    await queryRunner.query(`ALTER TABLE exports DROP CONSTRAINT chk_exports_standard`);
    await queryRunner.query(`ALTER TABLE exports DROP COLUMN images_without_alt`);
    await queryRunner.query(`ALTER TABLE exports DROP COLUMN standard`);
  }
}
