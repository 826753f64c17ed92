export { passwordResetInfo } from './api/account-api';
export { ForgotPasswordForm } from './components/forgot-password-form';
export { NoResetEmail } from './components/no-reset-email';
export { OtherSessions } from './components/other-sessions';
export { PasswordForm } from './components/password-form';
export { ProfileForm } from './components/profile-form';
export { ResetPasswordForm } from './components/reset-password-form';
