import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { SectionEntity } from '../outline/section.entity.js';
import { ProjectEntity } from '../projects/project.entity.js';

/** One comment: a thread's root (`parentId` null) or a reply to it. See docs/comments.md. */
@Entity({ name: 'comments' })
@Check('chk_comments_anchor', '(anchor_start IS NULL) = (anchor_end IS NULL)')
@Check('chk_comments_reply_anchor', 'parent_id IS NULL OR anchor_start IS NULL')
@Check('chk_comments_resolved', 'resolved_by IS NULL OR resolved_at IS NOT NULL')
@Check('chk_comments_reply_resolved', 'parent_id IS NULL OR resolved_at IS NULL')
@Check('chk_comments_suggestion', '(suggestion IS NULL) = (suggestion_quote IS NULL)')
@Check('chk_comments_suggestion_anchor', 'suggestion IS NULL OR anchor_start IS NOT NULL')
@Check('chk_comments_suggestion_accepted', 'suggestion_accepted_at IS NULL OR suggestion IS NOT NULL')
@Check('chk_comments_suggestion_accepted_by', 'suggestion_accepted_by IS NULL OR suggestion_accepted_at IS NOT NULL')
@Index('idx_comments_section_id', ['sectionId', 'createdAt'])
@Index('idx_comments_parent_id', ['parentId'])
@Index('idx_comments_project_id', ['projectId'])
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_comments' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'section_id', type: 'uuid' })
  sectionId!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** Null once the author's account is deleted: the comment stays (docs/accounts.md). */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  /** Verbatim plain text. */
  @Column({ type: 'text' })
  body!: string;

  /** `Y.encodeRelativePosition` bytes of the range's start and end. */
  @Column({ name: 'anchor_start', type: 'bytea', nullable: true })
  anchorStart!: Buffer | null;

  @Column({ name: 'anchor_end', type: 'bytea', nullable: true })
  anchorEnd!: Buffer | null;

  /** The text suggested for the passage ('' to delete it); null: no suggested change. */
  @Column({ type: 'text', nullable: true })
  suggestion!: string | null;

  /** The passage's text when the change was suggested, read by the server. */
  @Column({ name: 'suggestion_quote', type: 'text', nullable: true })
  suggestionQuote!: string | null;

  @Column({ name: 'suggestion_accepted_at', type: 'timestamptz', nullable: true })
  suggestionAcceptedAt!: Date | null;

  @Column({ name: 'suggestion_accepted_by', type: 'uuid', nullable: true })
  suggestionAcceptedBy!: string | null;

  @Column({ name: 'mention_ids', type: 'uuid', array: true, default: () => "'{}'" })
  mentionIds!: string[];

  // The clock at the insert, not the transaction's start: comments keep their order.
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_comments_project_id' })
  project?: Relation<ProjectEntity>;

  @ManyToOne(() => SectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'fk_comments_section_id' })
  section?: Relation<SectionEntity>;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_comments_parent_id' })
  parent?: Relation<CommentEntity>;

  // SET NULL: a deleted account leaves this in place without its author (migration 1765071000000).
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_comments_author_id' })
  author?: Relation<UserEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolved_by', foreignKeyConstraintName: 'fk_comments_resolved_by' })
  resolver?: Relation<UserEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'suggestion_accepted_by', foreignKeyConstraintName: 'fk_comments_suggestion_accepted_by' })
  suggestionAccepter?: Relation<UserEntity>;
}
