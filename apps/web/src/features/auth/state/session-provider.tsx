import type { User } from '@kapitel/domain';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isAbortError, isApiError, onUnauthenticated } from '../../../lib/api';
import { fetchCurrentUser, logout } from '../api/auth-api';
import { SessionContext, type Session, type SessionStatus } from './session-context';

/** Knows who is signed in: asks GET /api/me once, and forgets the user when any call says 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [signedOutByUser, setSignedOutByUser] = useState(false);
  const [sessionEnded, setSessionEnded] = useState(false);
  // The user as last rendered, for the 401 listener (which outlives renders).
  const current = useRef<User | null>(null);
  useEffect(() => {
    current.current = user;
  }, [user]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    fetchCurrentUser({ signal: controller.signal }).then(
      (current) => {
        setUser(current);
        setStatus('ready');
      },
      (caught: unknown) => {
        if (isAbortError(caught)) {
          return;
        }
        if (isApiError(caught) && caught.code === 'UNAUTHENTICATED') {
          setUser(null);
          setStatus('ready');
        } else {
          setError(caught);
          setStatus('error');
        }
      },
    );
    return () => {
      controller.abort();
    };
  }, [attempt]);

  // A session can end while the app is open (expiry, logout in another tab).
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (current.current !== null) {
          setSessionEnded(true);
        }
        setUser(null);
      }),
    [],
  );

  const signedIn = useCallback((next: User) => {
    setUser(next);
    setSignedOutByUser(false);
    setSessionEnded(false);
    setError(null);
    setStatus('ready');
  }, []);

  const signOut = useCallback(async () => {
    await logout();
    setSignedOutByUser(true);
    setUser(null);
  }, []);

  const retry = useCallback(() => {
    setAttempt((value) => value + 1);
  }, []);

  const value = useMemo<Session>(
    () => ({ status, user, signedOutByUser, sessionEnded, error, signedIn, signOut, retry }),
    [status, user, signedOutByUser, sessionEnded, error, signedIn, signOut, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
