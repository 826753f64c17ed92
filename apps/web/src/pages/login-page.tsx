import { AuthPage, LoginForm } from '../features/auth';

export function LoginPage() {
  return (
    <AuthPage
      title="auth.login.title"
      intro="auth.login.intro"
      form={(onSignedIn, email) => <LoginForm onSignedIn={onSignedIn} email={email} />}
      switchTo={{ path: '/register', question: 'auth.login.noAccount', link: 'auth.login.toRegister' }}
    />
  );
}
