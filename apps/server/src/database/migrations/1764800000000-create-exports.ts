import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PDF exports: the job queue (status, progress, error, attempts) and, once done, the PDF
 * itself (docs/export.md, "Jobs").
 */
export class CreateExports1764800000000 implements MigrationInterface {
  name = 'CreateExports1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE exports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        mode text NOT NULL,
        status text NOT NULL DEFAULT 'queued',
        progress real NOT NULL DEFAULT 0,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        size integer,
        filename text,
        pdf bytea,
        CONSTRAINT pk_exports PRIMARY KEY (id),
        CONSTRAINT chk_exports_mode CHECK (mode IN ('draft', 'final')),
        CONSTRAINT chk_exports_status CHECK (status IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT chk_exports_progress CHECK (progress >= 0 AND progress <= 1),
        CONSTRAINT fk_exports_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
        CONSTRAINT fk_exports_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX idx_exports_project_id ON exports (project_id, created_at)`);
    await queryRunner.query(`CREATE INDEX idx_exports_status ON exports (status, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE exports`);
  }
}
