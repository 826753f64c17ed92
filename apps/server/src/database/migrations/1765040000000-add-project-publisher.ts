import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who publishes the report (docs/export.md, "Cover"), e.g. "Deutscher Städtetag": optional,
 * set in the report settings and printed on the PDF's cover. Null for every project so far,
 * whose covers stay as they were.
 */
export class AddProjectPublisher1765040000000 implements MigrationInterface {
  name = 'AddProjectPublisher1765040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects ADD COLUMN publisher text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects DROP COLUMN publisher`);
  }
}
