import type { ReviewAction, ReviewState } from '@kapitel/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A node of a project's outline; see the migration for the constraints that keep it a tree. */
@Entity({ name: 'sections' })
export class SectionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sections' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'boolean', default: true })
  numbered!: boolean;

  @Column({ type: 'text', default: 'draft' })
  state!: ReviewState;

  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId!: string | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy!: string | null;

  /** The root of the deletion that put this section in the trash (itself for the root). */
  @Column({ name: 'trashed_with', type: 'uuid', nullable: true })
  trashedWith!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'section_assignees' })
export class SectionAssigneeEntity {
  @PrimaryColumn({ name: 'section_id', type: 'uuid', primaryKeyConstraintName: 'pk_section_assignees' })
  sectionId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_section_assignees' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One step of a section's review; the rows of a section replay to its state. */
@Entity({ name: 'section_transitions' })
export class SectionTransitionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_section_transitions' })
  id!: string;

  @Column({ name: 'section_id', type: 'uuid' })
  sectionId!: string;

  @Column({ type: 'text' })
  action!: ReviewAction;

  @Column({ name: 'from_state', type: 'text' })
  fromState!: ReviewState;

  @Column({ name: 'to_state', type: 'text' })
  toState!: ReviewState;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
