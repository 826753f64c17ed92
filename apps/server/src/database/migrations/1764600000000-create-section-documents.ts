import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live text of sections: a compacted snapshot per section, the log of updates stored
 * since, and versions (a snapshot at every approval, or named by hand).
 */
export class CreateSectionDocuments1764600000000 implements MigrationInterface {
  name = 'CreateSectionDocuments1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE section_documents (
        section_id uuid NOT NULL,
        state bytea NOT NULL,
        json jsonb NOT NULL,
        text text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_section_documents PRIMARY KEY (section_id),
        CONSTRAINT fk_section_documents_section_id FOREIGN KEY (section_id) REFERENCES sections (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE section_updates (
        id bigint GENERATED ALWAYS AS IDENTITY,
        section_id uuid NOT NULL,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_section_updates PRIMARY KEY (id),
        CONSTRAINT fk_section_updates_section_id FOREIGN KEY (section_id) REFERENCES sections (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX idx_section_updates_section_id ON section_updates (section_id, id)`);
    await queryRunner.query(`
      CREATE TABLE section_versions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        section_id uuid NOT NULL,
        kind text NOT NULL,
        label text,
        state bytea NOT NULL,
        json jsonb NOT NULL,
        text text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_section_versions PRIMARY KEY (id),
        CONSTRAINT chk_section_versions_kind CHECK (kind IN ('approval', 'named')),
        CONSTRAINT fk_section_versions_section_id FOREIGN KEY (section_id) REFERENCES sections (id) ON DELETE CASCADE,
        CONSTRAINT fk_section_versions_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX idx_section_versions_section_id ON section_versions (section_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE section_versions`);
    await queryRunner.query(`DROP TABLE section_updates`);
    await queryRunner.query(`DROP TABLE section_documents`);
  }
}
