import type { ExportErrorCode, ExportMode, ExportStandard, ExportStatus } from '@kapitel/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { ProjectEntity } from '../projects/project.entity.js';

/** An export job and, once done, its PDF (docs/export.md, "Jobs"). */
@Entity({ name: 'exports' })
@Check('chk_exports_mode', `mode IN ('draft', 'final')`)
@Check('chk_exports_status', `status IN ('queued', 'running', 'done', 'failed')`)
@Check('chk_exports_progress', 'progress >= 0 AND progress <= 1')
@Check('chk_exports_standard', `standard IS NULL OR standard IN ('pdf-a-2a', 'pdf-a-2b')`)
@Check('chk_exports_images_without_alt', 'images_without_alt IS NULL OR images_without_alt >= 0')
@Check('chk_exports_missing_references', 'missing_references IS NULL OR missing_references >= 0')
@Index('idx_exports_project_id', ['projectId', 'createdAt'])
@Index('idx_exports_status', ['status', 'createdAt'])
export class ExportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_exports' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'text' })
  mode!: ExportMode;

  @Column({ type: 'text', default: 'queued' })
  status!: ExportStatus;

  @Column({ type: 'real', default: 0 })
  progress!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** `error` as a code (EXPORT_ERROR_CODES); migration 1764910000000-add-export-error-code. */
  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: ExportErrorCode | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'integer', nullable: true })
  size!: number | null;

  @Column({ type: 'text', nullable: true })
  filename!: string | null;

  /** The PDF/A level of a finished final export; migration 1764940000000-add-export-standard. */
  @Column({ type: 'text', nullable: true })
  standard!: ExportStandard | null;

  @Column({ name: 'images_without_alt', type: 'integer', nullable: true })
  imagesWithoutAlt!: number | null;

  /** Cross-references without a target in the report; migration 1765120000000-add-export-missing-references. */
  @Column({ name: 'missing_references', type: 'integer', nullable: true })
  missingReferences!: number | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  pdf!: Buffer | null;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_exports_project_id' })
  project?: Relation<ProjectEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_exports_created_by' })
  creator?: Relation<UserEntity>;
}
