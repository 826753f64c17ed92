import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comment threads on sections (a root and its replies, with anchors, mentions, resolve
 * state) and in-app notifications. See docs/comments.md.
 */
export class CreateCommentsAndNotifications1764700000000 implements MigrationInterface {
  name = 'CreateCommentsAndNotifications1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE comments (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        section_id uuid NOT NULL,
        parent_id uuid,
        author_id uuid NOT NULL,
        body text NOT NULL,
        anchor_start bytea,
        anchor_end bytea,
        mention_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        edited_at timestamptz,
        resolved_at timestamptz,
        resolved_by uuid,
        CONSTRAINT pk_comments PRIMARY KEY (id),
        CONSTRAINT chk_comments_anchor CHECK ((anchor_start IS NULL) = (anchor_end IS NULL)),
        CONSTRAINT chk_comments_reply_anchor CHECK (parent_id IS NULL OR anchor_start IS NULL),
        CONSTRAINT chk_comments_resolved CHECK ((resolved_at IS NULL) = (resolved_by IS NULL)),
        CONSTRAINT chk_comments_reply_resolved CHECK (parent_id IS NULL OR resolved_at IS NULL),
        CONSTRAINT fk_comments_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
        CONSTRAINT fk_comments_section_id FOREIGN KEY (section_id) REFERENCES sections (id) ON DELETE CASCADE,
        CONSTRAINT fk_comments_parent_id FOREIGN KEY (parent_id) REFERENCES comments (id) ON DELETE CASCADE,
        CONSTRAINT fk_comments_author_id FOREIGN KEY (author_id) REFERENCES users (id),
        CONSTRAINT fk_comments_resolved_by FOREIGN KEY (resolved_by) REFERENCES users (id)
      )`);
    await queryRunner.query(`CREATE INDEX idx_comments_section_id ON comments (section_id, created_at)`);
    await queryRunner.query(`CREATE INDEX idx_comments_parent_id ON comments (parent_id)`);
    await queryRunner.query(`CREATE INDEX idx_comments_project_id ON comments (project_id)`);
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        kind text NOT NULL,
        project_id uuid NOT NULL,
        section_id uuid,
        comment_id uuid,
        actor_id uuid,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz,
        CONSTRAINT pk_notifications PRIMARY KEY (id),
        CONSTRAINT chk_notifications_kind
          CHECK (kind IN ('mention', 'reply', 'assigned', 'review_requested', 'changes_requested', 'approved')),
        CONSTRAINT fk_notifications_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT fk_notifications_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
        CONSTRAINT fk_notifications_section_id FOREIGN KEY (section_id) REFERENCES sections (id) ON DELETE SET NULL,
        CONSTRAINT fk_notifications_comment_id FOREIGN KEY (comment_id) REFERENCES comments (id) ON DELETE SET NULL,
        CONSTRAINT fk_notifications_actor_id FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX idx_notifications_user_id ON notifications (user_id, created_at, id)`);
    await queryRunner.query(`CREATE INDEX idx_notifications_comment_id ON notifications (comment_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notifications`);
    await queryRunner.query(`DROP TABLE comments`);
  }
}
