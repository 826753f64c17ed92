import type { InvitationPreview } from '@kapitel/domain';
import { useResource, type ResourceHandle } from '../../../lib/use-resource';
import { getInvitationPreview } from '../api/invitations-api';

/**
 * The preview of the link's invitation. `userId` is the signed-in account (null when signed
 * out): the server says how that account stands to the invitation, so it loads again on a change.
 */
export function useInvitationPreview(
  token: string,
  userId: string | null,
): ResourceHandle<InvitationPreview> {
  return useResource((signal) => getInvitationPreview(token, { signal }), [token, userId]);
}
