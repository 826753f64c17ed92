import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outline (sections as an ordered tree), assignments and the review history.
 *
 * Sibling positions are dense (0..n-1) among live sections. The unique constraint is
 * deferred to commit so that a move may shift its siblings row by row; deleted sections keep
 * their last position and are told apart by their own `deleted_at`.
 */
export class CreateOutlineAndReview1764500000000 implements MigrationInterface {
  name = 'CreateOutlineAndReview1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sections (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        parent_id uuid,
        position integer NOT NULL,
        title text NOT NULL,
        numbered boolean NOT NULL DEFAULT true,
        state text NOT NULL DEFAULT 'draft',
        reviewer_id uuid,
        due_date date,
        deleted_at timestamptz,
        deleted_by uuid,
        trashed_with uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_sections PRIMARY KEY (id),
        CONSTRAINT chk_sections_position CHECK (position >= 0),
        CONSTRAINT chk_sections_state CHECK (state IN ('draft', 'in_review', 'changes_requested', 'approved')),
        CONSTRAINT chk_sections_not_own_parent CHECK (parent_id IS DISTINCT FROM id),
        CONSTRAINT chk_sections_trash CHECK ((deleted_at IS NULL) = (trashed_with IS NULL)),
        CONSTRAINT uq_sections_sibling_position UNIQUE NULLS NOT DISTINCT (project_id, parent_id, position, deleted_at)
          DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT fk_sections_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
        CONSTRAINT fk_sections_parent_id FOREIGN KEY (parent_id) REFERENCES sections (id) ON DELETE CASCADE,
        CONSTRAINT fk_sections_reviewer_id FOREIGN KEY (reviewer_id) REFERENCES users (id),
        CONSTRAINT fk_sections_deleted_by FOREIGN KEY (deleted_by) REFERENCES users (id)
      )`);
    await queryRunner.query(`CREATE INDEX idx_sections_project_id ON sections (project_id)`);
    await queryRunner.query(`CREATE INDEX idx_sections_parent_id ON sections (parent_id)`);
    await queryRunner.query(`
      CREATE TABLE section_assignees (
        section_id uuid NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_section_assignees PRIMARY KEY (section_id, user_id),
        CONSTRAINT fk_section_assignees_section_id FOREIGN KEY (section_id) REFERENCES sections (id) ON DELETE CASCADE,
        CONSTRAINT fk_section_assignees_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX idx_section_assignees_user_id ON section_assignees (user_id)`);
    await queryRunner.query(`
      CREATE TABLE section_transitions (
        id bigint GENERATED ALWAYS AS IDENTITY,
        section_id uuid NOT NULL,
        action text NOT NULL,
        from_state text NOT NULL,
        to_state text NOT NULL,
        actor_id uuid,
        note text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_section_transitions PRIMARY KEY (id),
        CONSTRAINT chk_section_transitions_action CHECK (action IN ('submit', 'request_changes', 'approve', 'reopen')),
        CONSTRAINT fk_section_transitions_section_id FOREIGN KEY (section_id) REFERENCES sections (id) ON DELETE CASCADE,
        CONSTRAINT fk_section_transitions_actor_id FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX idx_section_transitions_section_id ON section_transitions (section_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE section_transitions`);
    await queryRunner.query(`DROP TABLE section_assignees`);
    await queryRunner.query(`DROP TABLE sections`);
  }
}
