import type { User } from '@kapitel/domain';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isAbortError, isApiError, onUnauthenticated, reportSignedInAgain } from '../../../lib/api';
import { hasUnsavedWork } from '../../../lib/unsaved-work';
import { allowUnsent, browserStore, forgetUnsent } from '../../../lib/unsent-edits';
import { fetchCurrentUser, logout } from '../api/auth-api';
import { SessionContext, type Session, type SessionStatus } from './session-context';

function forgetUnsentOf(user: User | null): void {
  const store = browserStore();
  if (store !== null && user !== null) {
    forgetUnsent(store, { userId: user.id });
  }
}

/**
 * Knows who is signed in: asks GET /api/me once, and forgets the user when any call says
 * 401, unless the tab holds unsaved work: then the user is kept, `resumable`, until they
 * sign in again in place or give the work up.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [signedOutByUser, setSignedOutByUser] = useState(false);
  const [sessionEnded, setSessionEnded] = useState(false);
  const [resumable, setResumable] = useState(false);
  // The user as last rendered, for the 401 listener (which outlives renders).
  const current = useRef<User | null>(null);
  useEffect(() => {
    current.current = user;
  }, [user]);
  const [attempt, setAttempt] = useState(0);

  // Kept edits nobody came back for in a month are dropped.
  useEffect(() => {
    const store = browserStore();
    if (store !== null) {
      forgetUnsent(store);
    }
  }, []);
  // A sign-out of this tab under way: its own end of the session keeps nothing.
  const signingOut = useRef(false);

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
        if (current.current === null) {
          setUser(null);
          return;
        }
        setSessionEnded(true);
        if (hasUnsavedWork() && !signingOut.current) {
          setResumable(true);
        } else {
          setResumable(false);
          setUser(null);
        }
      }),
    [],
  );

  const signedIn = useCallback((next: User) => {
    const resumed = current.current?.id === next.id;
    allowUnsent(next.id);
    current.current = next;
    setUser(next);
    setSignedOutByUser(false);
    setSessionEnded(false);
    setResumable(false);
    setError(null);
    setStatus('ready');
    if (resumed) {
      // Streams and the editor's connection that ended with the session start again.
      reportSignedInAgain();
    }
  }, []);

  const userChanged = useCallback((next: User) => {
    if (current.current?.id === next.id) {
      current.current = next;
      setUser(next);
    }
  }, []);

  const discardWork = useCallback(() => {
    forgetUnsentOf(current.current);
    current.current = null;
    setResumable(false);
    setUser(null);
  }, []);

  const signOut = useCallback(async () => {
    // Taken now: the end of the session, announced while the request runs, forgets the user.
    const leaving = current.current;
    signingOut.current = true;
    try {
      await logout();
    } finally {
      signingOut.current = false;
    }
    // Edits kept in the browser go with the person (a shared computer's next user must not find them).
    forgetUnsentOf(leaving);
    // At once, not after the next render: the stream's own word of this end may come first.
    current.current = null;
    setSignedOutByUser(true);
    setResumable(false);
    setUser(null);
  }, []);

  const retry = useCallback(() => {
    setAttempt((value) => value + 1);
  }, []);

  const value = useMemo<Session>(
    () => ({ status, user, signedOutByUser, sessionEnded, resumable, error, signedIn, userChanged, discardWork, signOut, retry }),
    [status, user, signedOutByUser, sessionEnded, resumable, error, signedIn, userChanged, discardWork, signOut, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
