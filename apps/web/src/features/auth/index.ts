export { checkSession } from './api/auth-api';
export { AuthPage } from './components/auth-page';
export { LoginForm } from './components/login-form';
export { RegisterForm } from './components/register-form';
export { SignInAgainDialog } from './components/sign-in-again-dialog';
export { useSession } from './hooks/use-session';
export type { Session, SessionStatus } from './state/session-context';
export { SessionProvider } from './state/session-provider';
export { authPathReturningTo, DEFAULT_AFTER_LOGIN, safeNextPath } from './utils/next-path';
