import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ProjectListEntry } from '../../common/project-list-entry.js';
import { UserEntity } from '../auth/user.entity.js';
import { ProjectEntity } from '../projects/project.entity.js';

/**
 * One entry of a project's list of abbreviations (docs/abbreviations.md); migration
 * 1765110000000-create-project-abbreviations.
 */
@Entity({ name: 'project_abbreviations' })
// An expression index (project_id, lower(short)), which TypeORM cannot describe: declared here
// only by name, so that the schema check neither drops nor recreates it; the migration owns it.
@Index('uq_project_abbreviations_project_id_short', { synchronize: false })
export class AbbreviationEntity extends ProjectListEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_project_abbreviations' })
  id!: string;

  /** As written in the text ("OZG", "z. B."), white space normalised. */
  @Column({ type: 'text' })
  short!: string;

  /** What it stands for. */
  @Column({ type: 'text' })
  long!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_project_abbreviations_project_id' })
  project?: Relation<ProjectEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_project_abbreviations_created_by' })
  creator?: Relation<UserEntity>;
}
