import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The version a restore made current again, on the version kept just before it
 * (docs/versions.md, "A restore is an edit"). The web titles that version from it at
 * display time, in the reader's language and time zone, instead of a label fixed on the
 * server. Older before-restore versions keep their stored label and no reference.
 * The index serves the foreign key: deleting versions (a section's, by cascade) looks up
 * the rows that point at each one.
 */
export class AddVersionRestoredFrom1764920000000 implements MigrationInterface {
  name = 'AddVersionRestoredFrom1764920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE section_versions ADD COLUMN restored_from uuid,
        ADD CONSTRAINT fk_section_versions_restored_from FOREIGN KEY (restored_from)
          REFERENCES section_versions (id) ON DELETE SET NULL`);
    await queryRunner.query(
      `CREATE INDEX idx_section_versions_restored_from ON section_versions (restored_from)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX idx_section_versions_restored_from`);
    await queryRunner.query(`ALTER TABLE section_versions DROP COLUMN restored_from`);
  }
}
