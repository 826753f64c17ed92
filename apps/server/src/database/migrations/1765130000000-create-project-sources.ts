import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report's list of sources (docs/sources.md): one row per source of a project. No
 * uniqueness: two editions of one book are two sources. Every field but `title` may be '',
 * `accessed` too (a `YYYY-MM-DD` day or ''), so all are text. The rows go with their project;
 * a deleted account leaves them in place without `created_by`.
 */
export class CreateProjectSources1765130000000 implements MigrationInterface {
  name = 'CreateProjectSources1765130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE project_sources (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        authors text NOT NULL,
        title text NOT NULL,
        year text NOT NULL,
        publication text NOT NULL,
        url text NOT NULL,
        accessed text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CONSTRAINT pk_project_sources PRIMARY KEY (id),
        CONSTRAINT fk_project_sources_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
        CONSTRAINT fk_project_sources_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX idx_project_sources_project_id ON project_sources (project_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE project_sources`);
  }
}
