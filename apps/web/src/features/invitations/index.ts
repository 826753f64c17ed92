export { InvitationsPanel } from './components/invitations-panel';
export { InvitationOffer } from './components/invitation-offer';
export {
  InvitationUnavailable,
  unavailableReason,
  type UnavailableReason,
} from './components/invitation-unavailable';
export { useAcceptInvitation, type AcceptInvitation } from './hooks/use-accept-invitation';
export { useInvitationPreview } from './hooks/use-invitation-preview';
