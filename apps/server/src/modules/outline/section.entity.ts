import type { ReviewState, ReviewStep } from '@kapitel/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { ProjectEntity } from '../projects/project.entity.js';

/** A node of a project's outline; see the migration for the constraints that keep it a tree. */
@Entity({ name: 'sections' })
@Check('chk_sections_position', 'position >= 0')
@Check('chk_sections_state', `state IN ('draft', 'in_review', 'changes_requested', 'approved')`)
@Check('chk_sections_not_own_parent', 'parent_id IS DISTINCT FROM id')
@Check('chk_sections_trash', '(deleted_at IS NULL) = (trashed_with IS NULL)')
@Check('chk_sections_target_words', 'target_words IS NULL OR target_words BETWEEN 1 AND 100000')
// The migration makes it NULLS NOT DISTINCT, which TypeORM cannot express; it compares by name.
@Unique('uq_sections_sibling_position', ['projectId', 'parentId', 'position', 'deletedAt'], { deferrable: 'INITIALLY DEFERRED' })
@Index('idx_sections_project_id', ['projectId'])
@Index('idx_sections_parent_id', ['parentId'])
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

  /** The length the lead asks for, in words (1 to 100,000); null: none. */
  @Column({ name: 'target_words', type: 'integer', nullable: true })
  targetWords!: number | null;

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

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_sections_project_id' })
  project?: Relation<ProjectEntity>;

  @ManyToOne(() => SectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_sections_parent_id' })
  parent?: Relation<SectionEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewer_id', foreignKeyConstraintName: 'fk_sections_reviewer_id' })
  reviewer?: Relation<UserEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deleted_by', foreignKeyConstraintName: 'fk_sections_deleted_by' })
  deleter?: Relation<UserEntity>;
}

@Entity({ name: 'section_assignees' })
@Index('idx_section_assignees_user_id', ['userId'])
export class SectionAssigneeEntity {
  @PrimaryColumn({ name: 'section_id', type: 'uuid', primaryKeyConstraintName: 'pk_section_assignees' })
  sectionId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_section_assignees' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => SectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'fk_section_assignees_section_id' })
  section?: Relation<SectionEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_section_assignees_user_id' })
  user?: Relation<UserEntity>;
}

/** One step of a section's review; the rows of a section replay to its state. */
@Entity({ name: 'section_transitions' })
@Check(
  'chk_section_transitions_action',
  `action IN ('submit', 'request_changes', 'approve', 'reopen', 'withdraw', 'no_objections')`,
)
@Check(
  'chk_section_transitions_verdict',
  `action <> 'no_objections' OR (from_state = 'in_review' AND to_state = 'in_review')`,
)
@Index('idx_section_transitions_section_id', ['sectionId', 'id'])
export class SectionTransitionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_section_transitions' })
  id!: string;

  @Column({ name: 'section_id', type: 'uuid' })
  sectionId!: string;

  @Column({ type: 'text' })
  action!: ReviewStep;

  @Column({ name: 'from_state', type: 'text' })
  fromState!: ReviewState;

  @Column({ name: 'to_state', type: 'text' })
  toState!: ReviewState;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  // The clock at the step, not the transaction's start: steps of one transaction stay ordered.
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;

  @ManyToOne(() => SectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'fk_section_transitions_section_id' })
  section?: Relation<SectionEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_section_transitions_actor_id' })
  actor?: Relation<UserEntity>;
}
