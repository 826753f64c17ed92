import type { InvitationPreview, User } from '@kapitel/domain';
import { useState, type ReactNode } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { authPathReturningTo, useSession } from '../features/auth';
import {
  InvitationOffer,
  InvitationUnavailable,
  unavailableReason,
  useAcceptInvitation,
  useInvitationPreview,
} from '../features/invitations';
import { ErrorAlert, useDocumentTitle, useT } from '../i18n';
import { Alert, Button, buttonClassName, Card, Loading } from '../ui';

/**
 * `/invite/:token`: the link a lead passed on. It first says what the link offers (project,
 * role, inviter, the one address it is for). Signed-out visitors sign in or register and come
 * back here; the invited account accepts with one click; another account is told so and
 * offered to switch, since accepting would fail (INVITATION_WRONG_ACCOUNT). A link that cannot
 * be accepted says why instead.
 */
export function InvitePage() {
  const t = useT();
  const { token = '' } = useParams();
  const session = useSession();
  if (token === '') {
    return <Navigate to="/" replace />;
  }
  // The preview depends on who asks: loaded before the session is known, it loaded twice and
  // showed the first answer (as to a visitor) for a moment.
  if (session.status === 'loading') {
    return <Loading label={t('app.loading')} />;
  }
  return <InvitationLink token={token} />;
}

function InvitationLink({ token }: { token: string }) {
  const t = useT();
  const navigate = useNavigate();
  const session = useSession();
  const user = session.status === 'loading' ? null : session.user;
  const preview = useInvitationPreview(token, user?.id ?? null);
  const { accept, accepting, error } = useAcceptInvitation(token);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  // A link can also run out between showing it and accepting it: then the accept's answer says why.
  const reason = unavailableReason(preview.resource.error) ?? unavailableReason(error);
  // The heading names the problem, so that it is the first thing read after focus moves to it.
  const heading = reason === null ? t('invitationLink.title') : t(`invitationLink.${reason}.title`);
  useDocumentTitle(heading);

  const here = `/invite/${encodeURIComponent(token)}`;

  const onAccept = async (): Promise<void> => {
    const accepted = await accept();
    if (accepted !== null) {
      void navigate(`/projects/${encodeURIComponent(accepted.projectId)}`, { replace: true });
    }
  };

  const switchAccount = async (): Promise<void> => {
    setSignOutError(null);
    try {
      await session.signOut();
      void navigate(authPathReturningTo('/login', here, preview.resource.data?.email));
    } catch (caught) {
      setSignOutError(caught);
    }
  };

  const data = preview.resource.data;
  let body: ReactNode;
  if (reason !== null) {
    body = <InvitationUnavailable reason={reason} />;
  } else if (preview.resource.status === 'error') {
    body = <ErrorAlert error={preview.resource.error} onRetry={preview.reload} />;
  } else if (data === undefined) {
    body = <Loading label={t('app.loading')} />;
  } else {
    body = (
      <>
        <InvitationOffer preview={data} />
        <Card>
          <ErrorAlert error={error ?? signOutError} />
          <InvitationActions
            preview={data}
            user={user}
            here={here}
            accepting={accepting}
            onAccept={() => void onAccept()}
            onSwitchAccount={() => void switchAccount()}
          />
        </Card>
      </>
    );
  }
  return (
    <div className="auth-page">
      <h1>{heading}</h1>
      {body}
    </div>
  );
}

interface InvitationActionsProps {
  preview: InvitationPreview;
  user: User | null;
  here: string;
  accepting: boolean;
  onAccept: () => void;
  onSwitchAccount: () => void;
}

/** What the visitor can do with an open link, by how their account stands to it (the server says). */
function InvitationActions({
  preview,
  user,
  here,
  accepting,
  onAccept,
  onSwitchAccount,
}: InvitationActionsProps) {
  const t = useT();
  const toProjects = (variant: 'primary' | 'ghost') => (
    <Link className={buttonClassName(variant)} to="/projects">
      {t('invitationLink.toProjects')}
    </Link>
  );
  if (user === null || preview.viewer === 'anonymous') {
    return (
      <>
        <p>{t('invitationLink.signedOut', { email: preview.email })}</p>
        <div className="form-actions">
          <Link className={buttonClassName('primary')} to={authPathReturningTo('/login', here, preview.email)}>
            {t('acceptInvite.login')}
          </Link>
          <Link className={buttonClassName('secondary')} to={authPathReturningTo('/register', here, preview.email)}>
            {t('acceptInvite.register')}
          </Link>
        </div>
      </>
    );
  }
  switch (preview.viewer) {
    case 'member':
      return (
        <>
          <p>{t('invitationLink.member')}</p>
          <div className="form-actions">{toProjects('primary')}</div>
        </>
      );
    case 'other_account':
      return (
        <>
          <Alert tone="info" title={t('invitationLink.otherAccount.title')}>
            <p>
              {t('invitationLink.otherAccount.body', {
                name: user.name,
                email: user.email,
                invited: preview.email,
              })}
            </p>
          </Alert>
          <div className="form-actions">
            <Button onClick={onSwitchAccount}>
              {t('invitationLink.switchAccount', { email: preview.email })}
            </Button>
            {toProjects('ghost')}
          </div>
        </>
      );
    case 'invited_account':
      return (
        <>
          <p>{t('acceptInvite.signedInAs', { name: user.name, email: user.email })}</p>
          <div className="form-actions">
            <Button busy={accepting} onClick={onAccept}>
              {t('acceptInvite.accept')}
            </Button>
            <Button variant="secondary" onClick={onSwitchAccount}>
              {t('acceptInvite.otherAccount')}
            </Button>
          </div>
        </>
      );
  }
}
