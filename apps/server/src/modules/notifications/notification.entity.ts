import type { NotificationKind } from '@kapitel/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { CommentEntity } from '../comments/comment.entity.js';
import { SectionEntity } from '../outline/section.entity.js';
import { ProjectEntity } from '../projects/project.entity.js';

/** One notification of one person about one event. See docs/comments.md. */
@Entity({ name: 'notifications' })
@Check(
  'chk_notifications_kind',
  `kind IN ('mention', 'reply', 'assigned', 'review_requested', 'changes_requested', 'approved', 'no_objections', 'reopened', 'withdrawn', 'suggestion_accepted', 'commented', 'suggested')`,
)
@Index('idx_notifications_user_id', ['userId', 'createdAt', 'id'])
@Index('idx_notifications_comment_id', ['commentId'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notifications' })
  id!: string;

  /** The recipient. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'section_id', type: 'uuid', nullable: true })
  sectionId!: string | null;

  @Column({ name: 'comment_id', type: 'uuid', nullable: true })
  commentId!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The note of the review step notified about (changes requested, no objections, reopen, withdrawal), as written. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  // The clock at the insert: the rows of one transaction keep their order.
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notifications_user_id' })
  user?: Relation<UserEntity>;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_notifications_project_id' })
  project?: Relation<ProjectEntity>;

  @ManyToOne(() => SectionEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'fk_notifications_section_id' })
  section?: Relation<SectionEntity>;

  @ManyToOne(() => CommentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'fk_notifications_comment_id' })
  comment?: Relation<CommentEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_notifications_actor_id' })
  actor?: Relation<UserEntity>;
}
