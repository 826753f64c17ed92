import { AuthPage, RegisterForm } from '../features/auth';

export function RegisterPage() {
  return (
    <AuthPage
      title="auth.register.title"
      intro="auth.register.intro"
      form={(onSignedIn, email) => <RegisterForm onSignedIn={onSignedIn} email={email} />}
      switchTo={{ path: '/login', question: 'auth.register.haveAccount', link: 'auth.register.toLogin' }}
    />
  );
}
