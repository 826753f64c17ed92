import type { ImageContentType } from '@kapitel/domain';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { ProjectEntity } from '../projects/project.entity.js';

/** An uploaded image of a project, bytes included (docs/images.md); migration 1764930000000-create-images. */
@Entity({ name: 'images' })
@Unique('uq_images_project_id_sha256', ['projectId', 'sha256'])
@Check('chk_images_content_type', `content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')`)
@Check('chk_images_size', 'size > 0')
export class ImageEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_images' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: ImageContentType;

  /** The number of bytes. */
  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'integer', nullable: true })
  width!: number | null;

  @Column({ type: 'integer', nullable: true })
  height!: number | null;

  /** Hex SHA-256 of the bytes: the dedupe key within a project, and the ETag. */
  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'bytea', select: false })
  data!: Buffer;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  /**
   * When the image was last known to be needed: its upload, renewed by an upload of the same
   * bytes that is answered with it and by a cleanup run that keeps it. The cleanup removes
   * only images whose mark is older than the retention period (image-cleanup.service.ts).
   */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_images_project_id' })
  project?: Relation<ProjectEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_images_created_by' })
  creator?: Relation<UserEntity>;
}
