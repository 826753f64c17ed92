import { useContext } from 'react';
import { SessionContext, type Session } from '../state/session-context';

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) {
    throw new Error('useSession() must be used inside <SessionProvider>');
  }
  return session;
}
