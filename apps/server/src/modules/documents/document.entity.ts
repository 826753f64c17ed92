import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { SectionEntity } from '../outline/section.entity.js';

/** The compacted text of a section: Yjs state, and the same as ProseMirror JSON and plain text. */
@Entity({ name: 'section_documents' })
export class SectionDocumentEntity {
  @PrimaryColumn({ name: 'section_id', type: 'uuid', primaryKeyConstraintName: 'pk_section_documents' })
  sectionId!: string;

  @Column({ type: 'bytea' })
  state!: Buffer;

  @Column({ type: 'jsonb' })
  json!: Record<string, unknown>;

  @Column({ type: 'text' })
  text!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => SectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'fk_section_documents_section_id' })
  section?: Relation<SectionEntity>;
}

/** One stored (merged) update after the snapshot; folded into it by compaction. */
@Entity({ name: 'section_updates' })
@Index('idx_section_updates_section_id', ['sectionId', 'id'])
export class SectionUpdateEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_section_updates' })
  id!: string;

  @Column({ name: 'section_id', type: 'uuid' })
  sectionId!: string;

  @Column({ type: 'bytea' })
  data!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => SectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'fk_section_updates_section_id' })
  section?: Relation<SectionEntity>;
}

/** A stored state of a section: at every approval, or named by hand. */
@Entity({ name: 'section_versions' })
@Check('chk_section_versions_kind', `kind IN ('approval', 'named')`)
@Index('idx_section_versions_section_id', ['sectionId', 'createdAt'])
@Index('idx_section_versions_restored_from', ['restoredFrom'])
export class SectionVersionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_section_versions' })
  id!: string;

  @Column({ name: 'section_id', type: 'uuid' })
  sectionId!: string;

  @Column({ type: 'text' })
  kind!: 'approval' | 'named';

  @Column({ type: 'text', nullable: true })
  label!: string | null;

  @Column({ type: 'bytea' })
  state!: Buffer;

  @Column({ type: 'jsonb' })
  json!: Record<string, unknown>;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** On the version kept just before a restore: the version that restore made current again. */
  @Column({ name: 'restored_from', type: 'uuid', nullable: true })
  restoredFrom!: string | null;

  @ManyToOne(() => SectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'fk_section_versions_section_id' })
  section?: Relation<SectionEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_section_versions_created_by' })
  creator?: Relation<UserEntity>;

  @ManyToOne(() => SectionVersionEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'restored_from', foreignKeyConstraintName: 'fk_section_versions_restored_from' })
  restoredFromVersion?: Relation<SectionVersionEntity>;
}
