import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A section's length target ("Umfang", docs/outline.md): the number of words the lead asks
 * for, or null. It guides; nothing refuses text beyond it.
 */
export class AddSectionTargetWords1765150000000 implements MigrationInterface {
  name = 'AddSectionTargetWords1765150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE sections
        ADD COLUMN target_words integer,
        ADD CONSTRAINT chk_sections_target_words CHECK (target_words IS NULL OR target_words BETWEEN 1 AND 100000)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sections DROP COLUMN target_words`);
  }
}
