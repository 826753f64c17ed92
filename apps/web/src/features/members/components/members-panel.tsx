import { assignmentsLost, inReadingOrder, type Member, type Role } from '@kapitel/domain';
import { useState } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import { ResourceView } from '../../../lib/resource-view';
import type { Resource } from '../../../lib/use-resource';
import { Alert, Card, DataTable } from '../../../ui';
import { getOutline } from '../../outline';
import { changeMemberRole, removeMember } from '../api/members-api';
import { LeaveProject } from './leave-project';
import { MemberRow } from './member-row';
import './members.css';

export interface MembersPanelProps {
  projectId: string;
  members: Resource<Member[]>;
  reloadMembers: () => void;
  currentUserId: string;
  /** Abilities of the caller, from GET /api/projects/:id. */
  canManage: boolean;
  /** The caller changed their own role or left the project: their abilities changed. */
  onSelfChanged: (change: 'role' | 'removed') => void;
}

export function MembersPanel(props: MembersPanelProps) {
  const { projectId, members, reloadMembers, currentUserId, canManage, onSelfChanged } = props;
  const t = useT();
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<unknown>(null);

  // What a role change would cost, from the outline as it is now: the server lifts the same.
  const checkRole = async (member: Member, role: Role | null): Promise<string[] | null> => {
    setError(null);
    try {
      const sections = inReadingOrder(await getOutline(projectId));
      return assignmentsLost(sections, member.userId, role).map(({ section, as }) =>
        t(as === 'assignee' ? 'members.losesWriting' : 'members.losesReviewing', {
          section: section.number === null ? section.title : `${section.number} ${section.title}`,
        }),
      );
    } catch (caught) {
      setError(caught);
      return null;
    }
  };

  const changeRole = async (member: Member, role: Role, lifted: number): Promise<boolean> => {
    setError(null);
    setAnnouncement('');
    try {
      await changeMemberRole(projectId, member.userId, role);
      const words = { name: member.name, role: t(`role.${role}`), count: lifted };
      setAnnouncement(
        lifted === 0
          ? t('members.roleChanged', words)
          : t(
              lifted === 1 ? 'members.roleChangedUnassigned.one' : 'members.roleChangedUnassigned.other',
              words,
            ),
      );
      reloadMembers();
      if (member.userId === currentUserId) {
        onSelfChanged('role');
      }
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };

  const remove = async (member: Member): Promise<void> => {
    setError(null);
    setAnnouncement('');
    try {
      await removeMember(projectId, member.userId);
      setAnnouncement(t('members.removed', { name: member.name }));
      reloadMembers();
    } catch (caught) {
      setError(caught);
    }
  };

  const leave = async (): Promise<void> => {
    setError(null);
    setAnnouncement('');
    try {
      await removeMember(projectId, currentUserId);
      onSelfChanged('removed');
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Card title={t('members.title')}>
      <div role="status">{announcement === '' ? null : <Alert tone="success">{announcement}</Alert>}</div>
      <ErrorAlert error={error} />
      <ResourceView resource={members} reload={reloadMembers} empty={t('members.empty')}>
        {(list) => {
          // A project keeps at least one lead: the server refuses what would take the last one away.
          const leads = list.filter((member) => member.role === 'lead').length;
          const onlyLead = (member: Member): boolean => member.role === 'lead' && leads <= 1;
          const self = list.find((member) => member.userId === currentUserId);
          return (
            <>
              <DataTable
                caption={t('members.caption')}
                columns={[
                  t('members.name'),
                  t('members.email'),
                  t('members.organisation'),
                  t('members.role'),
                  canManage ? t('members.actions') : null,
                ]}
              >
                {list.map((member) => (
                  <MemberRow
                    key={member.userId}
                    member={member}
                    isSelf={member.userId === currentUserId}
                    canManage={canManage}
                    onlyLead={onlyLead(member)}
                    onCheckRole={checkRole}
                    onChangeRole={changeRole}
                    onRemove={remove}
                  />
                ))}
              </DataTable>
              {self === undefined ? null : <LeaveProject onlyLead={onlyLead(self)} onLeave={leave} />}
            </>
          );
        }}
      </ResourceView>
    </Card>
  );
}
