import { isRole, ROLES, type Member, type Role } from '@kapitel/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { Badge, Button, ConfirmButton } from '../../../ui';
import { RoleChangeQuestion } from './role-change-question';

export interface MemberRowProps {
  member: Member;
  isSelf: boolean;
  canManage: boolean;
  /**
   * The member is the project's only lead: a role change or removal would leave no lead, so
   * neither is offered (the server would refuse it with LAST_LEAD).
   */
  onlyLead: boolean;
  /**
   * What the member would lose with `role`, one line per assignment; null when that could not
   * be found out (the panel shows why).
   */
  onCheckRole: (member: Member, role: Role | null) => Promise<string[] | null>;
  /** Resolves false when the change failed (the panel shows why); `lifted`: assignments it costs. */
  onChangeRole: (member: Member, role: Role, lifted: number) => Promise<boolean>;
  onRemove: (member: Member) => Promise<void>;
}

export function MemberRow({
  member,
  isSelf,
  canManage,
  onlyLead,
  onCheckRole,
  onChangeRole,
  onRemove,
}: MemberRowProps) {
  const t = useT();
  const selectId = useId();
  const reasonId = useId();
  const [role, setRole] = useState<Role>(member.role);
  const [saving, setSaving] = useState(false);
  // The assignments the chosen role would cost, while the question about them is open.
  const [lost, setLost] = useState<string[] | null>(null);
  // Follow the server's value after a reload, unless the user is in the middle of a change.
  const [shownRole, setShownRole] = useState<Role>(member.role);
  if (shownRole !== member.role) {
    setShownRole(member.role);
    setRole(member.role);
  }

  const select = useRef<HTMLSelectElement>(null);
  // The save button goes once the role is saved or refused, and with it the focus it had.
  const refocus = useRef(false);
  const pending = role !== member.role;
  useEffect(() => {
    if (refocus.current && !saving && !pending) {
      refocus.current = false;
      select.current?.focus();
    }
  }, [saving, pending]);

  const commit = async (lifted: number): Promise<void> => {
    refocus.current = true;
    setSaving(true);
    try {
      if (!(await onChangeRole(member, role, lifted))) {
        setRole(member.role);
      }
    } finally {
      setLost(null);
      setSaving(false);
    }
  };

  const save = async (): Promise<void> => {
    setSaving(true);
    const losing = await onCheckRole(member, role);
    setSaving(false);
    if (losing === null) {
      return;
    }
    if (losing.length > 0) {
      setLost(losing);
      return;
    }
    await commit(0);
  };

  const cancel = (): void => {
    refocus.current = true;
    setLost(null);
    setRole(member.role);
  };

  return (
    <tr>
      <th scope="row">
        {member.name}
        {isSelf ? <span className="muted"> ({t('common.you')})</span> : null}
      </th>
      <td>
        <a href={`mailto:${member.email}`}>{member.email}</a>
      </td>
      <td>{member.organisation ?? ''}</td>
      <td>
        {canManage ? (
          <div className="table__inline">
            <label className="visually-hidden" htmlFor={selectId}>
              {t('members.roleOf', { name: member.name })}
            </label>
            <select
              ref={select}
              id={selectId}
              value={role}
              disabled={onlyLead}
              aria-describedby={onlyLead ? reasonId : undefined}
              onChange={(event) => {
                if (isRole(event.target.value)) {
                  setRole(event.target.value);
                  // The question was about the role chosen before: saving asks anew.
                  setLost(null);
                }
              }}
            >
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {t(`role.${value}`)}
                </option>
              ))}
            </select>
            {pending && lost === null ? (
              <Button
                size="small"
                busy={saving}
                aria-label={t('members.saveRoleOf', { name: member.name })}
                onClick={() => void save()}
              >
                {t('members.saveRole')}
              </Button>
            ) : null}
            {onlyLead ? (
              <p id={reasonId} className="member-row__reason">
                {t('members.onlyLead')}
              </p>
            ) : null}
            {lost === null ? null : (
              <RoleChangeQuestion
                question={t(lost.length === 1 ? 'members.roleLoses.one' : 'members.roleLoses.other', {
                  role: t(`role.${role}`),
                  name: member.name,
                  count: lost.length,
                })}
                lost={lost}
                busy={saving}
                onConfirm={() => void commit(lost.length)}
                onCancel={cancel}
              />
            )}
          </div>
        ) : (
          <Badge tone={member.role === 'lead' ? 'primary' : 'neutral'}>{t(`role.${member.role}`)}</Badge>
        )}
      </td>
      {canManage ? (
        <td className="table__actions">
          {/* Oneself: "Projekt verlassen" below the table, for every role alike. */}
          {isSelf || onlyLead ? null : (
            <ConfirmButton
              label={t('members.remove')}
              accessibleLabel={t('members.removeOf', { name: member.name })}
              question={t('members.removeQuestion', { name: member.name })}
              confirmLabel={t('members.removeConfirm')}
              cancelLabel={t('common.cancel')}
              onConfirm={() => onRemove(member)}
              consequences={async () => {
                const lost = await onCheckRole(member, null);
                if (lost === null) {
                  throw new Error('the assignments could not be read');
                }
                return lost.length === 0 ? null : (
                  <>
                    <p>
                      {lost.length === 1
                        ? t('members.removeLoses.one')
                        : t('members.removeLoses.other', { count: lost.length })}
                    </p>
                    <ul>
                      {lost.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </>
                );
              }}
            />
          )}
        </td>
      ) : null}
    </tr>
  );
}
