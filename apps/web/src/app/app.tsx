import { lazy, StrictMode, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AccountDeleted } from '../features/account';
import { SessionProvider } from '../features/auth';
import { I18nProvider } from '../i18n';
import { AccountPage } from '../pages/account-page';
import { ForgotPasswordPage } from '../pages/forgot-password-page';
import { InvitePage } from '../pages/invite-page';
import { LoginPage } from '../pages/login-page';
import { NotFoundPage } from '../pages/not-found-page';
import { ProjectPage } from '../pages/project-page';
import { ProjectsPage } from '../pages/projects-page';
import { RegisterPage } from '../pages/register-page';
import { ResetPasswordPage } from '../pages/reset-password-page';
import { AppShell } from './app-shell';
import { RouteFallback } from './route-fallback';
import { HomeRedirect, RequireAuth } from './require-auth';

// Loaded on first visit, so that the sign-in and project pages do not wait for it.
const SectionPage = lazy(async () => ({ default: (await import('../pages/section-page')).SectionPage }));
const ProtocolPage = lazy(async () => ({ default: (await import('../pages/protocol-page')).ProtocolPage }));
const ReadingPage = lazy(async () => ({ default: (await import('../pages/reading-page')).ReadingPage }));

export function App() {
  return (
    <StrictMode>
      <I18nProvider>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route element={<AppShell />}>
                <Route index element={<HomeRedirect />} />
                <Route path="login" element={<LoginPage />} />
                <Route path="register" element={<RegisterPage />} />
                <Route path="invite/:token" element={<InvitePage />} />
                <Route path="forgot-password" element={<ForgotPasswordPage />} />
                <Route path="reset-password" element={<ResetPasswordPage />} />
                <Route path="account-deleted" element={<AccountDeleted />} />
                <Route element={<RequireAuth />}>
                  <Route path="account" element={<AccountPage />} />
                  <Route path="projects" element={<ProjectsPage />} />
                  <Route path="projects/:projectId" element={<ProjectPage />} />
                  <Route path="projects/:projectId/protocol" element={<Suspense fallback={<RouteFallback />}><ProtocolPage /></Suspense>} />
                  <Route path="projects/:projectId/read" element={<Suspense fallback={<RouteFallback />}><ReadingPage /></Suspense>} />
                  <Route
                    path="projects/:projectId/sections/:sectionId"
                    element={
                      <Suspense fallback={<RouteFallback />}>
                        <SectionPage />
                      </Suspense>
                    }
                  />
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </I18nProvider>
    </StrictMode>
  );
}
