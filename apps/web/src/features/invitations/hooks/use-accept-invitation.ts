import type { AcceptInvitationResponse } from '@kapitel/domain';
import { useCallback, useState } from 'react';
import { acceptInvitation } from '../api/invitations-api';

export interface AcceptInvitation {
  accept: () => Promise<AcceptInvitationResponse | null>;
  accepting: boolean;
  error: unknown;
}

/** Accepting is one explicit POST; a failure is kept for display, never thrown. */
export function useAcceptInvitation(token: string): AcceptInvitation {
  const [accepting, setAccepting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const accept = useCallback(async () => {
    setAccepting(true);
    setError(null);
    try {
      return await acceptInvitation(token);
    } catch (caught) {
      setError(caught);
      return null;
    } finally {
      setAccepting(false);
    }
  }, [token]);
  return { accept, accepting, error };
}
