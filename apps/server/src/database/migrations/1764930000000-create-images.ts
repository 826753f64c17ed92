import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A project's uploaded images (docs/images.md): the bytes themselves (bytea, like the PDFs
 * of `exports`, so that one PostgreSQL backup holds everything), their type, size and pixel
 * size, and the SHA-256 of the bytes, unique per project so that the same figure uploaded
 * twice is stored once. The unique index also serves the lookups by project.
 */
export class CreateImages1764930000000 implements MigrationInterface {
  name = 'CreateImages1764930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE images (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL,
        width integer,
        height integer,
        sha256 text NOT NULL,
        data bytea NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_images PRIMARY KEY (id),
        CONSTRAINT uq_images_project_id_sha256 UNIQUE (project_id, sha256),
        CONSTRAINT chk_images_content_type CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
        CONSTRAINT chk_images_size CHECK (size > 0),
        CONSTRAINT fk_images_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
        CONSTRAINT fk_images_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE images`);
  }
}
