import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * The columns every entry of a project's lists (abbreviations, sources) has besides its own:
 * the project, when it was added and changed, who added it. No entity itself: each list's
 * entity extends it with its id, fields and foreign keys, which carry their tables' names.
 */
export abstract class ProjectListEntry {
  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Null once the account that added it is deleted: the entry stays (docs/accounts.md). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}
