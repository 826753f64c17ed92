import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ProjectListEntry } from '../../common/project-list-entry.js';
import { UserEntity } from '../auth/user.entity.js';
import { ProjectEntity } from '../projects/project.entity.js';

/**
 * One source of a project's list of sources (docs/sources.md); migration
 * 1765130000000-create-project-sources. Every text is stored normalised (source.dto.ts).
 */
@Entity({ name: 'project_sources' })
@Index('idx_project_sources_project_id', ['projectId'])
export class SourceEntity extends ProjectListEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_project_sources' })
  id!: string;

  /** "Surname, Given name" or an organisation, separated by ";"; '' for none. */
  @Column({ type: 'text' })
  authors!: string;

  @Column({ type: 'text' })
  title!: string;

  /** As printed ("2023", "2021/22"); '' for none. */
  @Column({ type: 'text' })
  year!: string;

  @Column({ type: 'text' })
  publication!: string;

  /** An http(s) address, or ''. */
  @Column({ type: 'text' })
  url!: string;

  /** `YYYY-MM-DD` or '': text rather than a date, since '' is a value of its own. */
  @Column({ type: 'text' })
  accessed!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_project_sources_project_id' })
  project?: Relation<ProjectEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_project_sources_created_by' })
  creator?: Relation<UserEntity>;
}
