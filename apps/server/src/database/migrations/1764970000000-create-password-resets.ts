import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password reset links (docs/accounts.md): the SHA-256 of each single-use token, whose
 * account it resets, until when, and when it was spent. Rows go with their user.
 */
export class CreatePasswordResets1764970000000 implements MigrationInterface {
  name = 'CreatePasswordResets1764970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE password_resets (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT pk_password_resets PRIMARY KEY (id),
        CONSTRAINT uq_password_resets_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_password_resets_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX idx_password_resets_user_id ON password_resets (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE password_resets`);
  }
}
