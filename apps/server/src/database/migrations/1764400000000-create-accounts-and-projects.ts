import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccountsAndProjects1764400000000 implements MigrationInterface {
  name = 'CreateAccountsAndProjects1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        name text NOT NULL,
        organisation text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_users PRIMARY KEY (id),
        CONSTRAINT uq_users_email UNIQUE (email)
      )`);
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash text NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT pk_sessions PRIMARY KEY (id),
        CONSTRAINT uq_sessions_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_sessions_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX idx_sessions_user_id ON sessions (user_id)`);
    await queryRunner.query(`
      CREATE TABLE projects (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title text NOT NULL,
        subtitle text,
        description text,
        language text NOT NULL DEFAULT 'de',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_projects PRIMARY KEY (id),
        CONSTRAINT chk_projects_language CHECK (language IN ('de', 'en')),
        CONSTRAINT fk_projects_created_by FOREIGN KEY (created_by) REFERENCES users (id)
      )`);
    await queryRunner.query(`
      CREATE TABLE project_members (
        project_id uuid NOT NULL,
        user_id uuid NOT NULL,
        role text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_project_members PRIMARY KEY (project_id, user_id),
        CONSTRAINT chk_project_members_role CHECK (role IN ('lead', 'author', 'reviewer', 'reader')),
        CONSTRAINT fk_project_members_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
        CONSTRAINT fk_project_members_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX idx_project_members_user_id ON project_members (user_id)`);
    await queryRunner.query(`
      CREATE TABLE invitations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        email text NOT NULL,
        role text NOT NULL,
        token_hash text NOT NULL,
        invited_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid,
        revoked_at timestamptz,
        CONSTRAINT pk_invitations PRIMARY KEY (id),
        CONSTRAINT uq_invitations_token_hash UNIQUE (token_hash),
        CONSTRAINT chk_invitations_role CHECK (role IN ('lead', 'author', 'reviewer', 'reader')),
        CONSTRAINT fk_invitations_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
        CONSTRAINT fk_invitations_invited_by FOREIGN KEY (invited_by) REFERENCES users (id),
        CONSTRAINT fk_invitations_accepted_by FOREIGN KEY (accepted_by) REFERENCES users (id)
      )`);
    await queryRunner.query(`CREATE INDEX idx_invitations_project_id ON invitations (project_id)`);
    await queryRunner.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY,
        project_id uuid,
        actor_id uuid,
        action text NOT NULL,
        target_type text,
        target_id text,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        ip text,
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_audit_events PRIMARY KEY (id)
      )`);
    await queryRunner.query(`CREATE INDEX idx_audit_events_project_id_created_at ON audit_events (project_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_events`);
    await queryRunner.query(`DROP TABLE invitations`);
    await queryRunner.query(`DROP TABLE project_members`);
    await queryRunner.query(`DROP TABLE projects`);
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
