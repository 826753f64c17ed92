export { InvitationsPanel } from './components/invitations-panel';
export { useAcceptInvitation, type AcceptInvitation } from './hooks/use-accept-invitation';
