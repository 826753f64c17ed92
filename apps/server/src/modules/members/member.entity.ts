import type { Role } from '@kapitel/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { ProjectEntity } from '../projects/project.entity.js';

@Entity({ name: 'project_members' })
@Check('chk_project_members_role', `role IN ('lead', 'author', 'reviewer', 'reader')`)
@Index('idx_project_members_user_id', ['userId'])
export class MemberEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'pk_project_members' })
  projectId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_project_members' })
  userId!: string;

  @Column({ type: 'text' })
  role!: Role;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_project_members_project_id' })
  project?: Relation<ProjectEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_project_members_user_id' })
  user?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
