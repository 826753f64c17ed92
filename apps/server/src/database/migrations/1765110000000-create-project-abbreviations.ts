import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report's list of abbreviations (docs/abbreviations.md): one row per abbreviation of a
 * project. A `short` is unique in its project regardless of case: the unique index on
 * `lower(short)` decides it, also between two requests at the same moment (the service maps
 * its violation to ABBREVIATION_EXISTS). The index also serves the listing by project. The
 * rows go with their project; a deleted account leaves them in place without `created_by`.
 */
export class CreateProjectAbbreviations1765110000000 implements MigrationInterface {
  name = 'CreateProjectAbbreviations1765110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE project_abbreviations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        short text NOT NULL,
        long text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CONSTRAINT pk_project_abbreviations PRIMARY KEY (id),
        CONSTRAINT fk_project_abbreviations_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
        CONSTRAINT fk_project_abbreviations_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_project_abbreviations_project_id_short ON project_abbreviations (project_id, lower(short))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE project_abbreviations`);
  }
}
