import { lazy, Suspense, type ReactNode } from "react";
import { createBrowserRouter, Navigate, type RouteObject } from "react-router";
import { AppLayout } from "./components/Layout/AppLayout";
import { Loader } from "./components/Loader";
import { RequireAuth } from "./components/RequireAuth";

// Every page is its own chunk: the first load carries only the shell and the page it shows.
const SetupPage = lazy(() => import("./pages/auth/SetupPage"));
const LoginPage = lazy(() => import("./pages/auth/LoginPage"));
const CliAuthPage = lazy(() => import("./pages/auth/CliAuthPage"));
const WorkspacesPage = lazy(() => import("./pages/workspaces/WorkspacesPage"));
const WorkspacePage = lazy(() => import("./pages/workspaces/WorkspacePage"));
const CreateWorkspacePage = lazy(() => import("./pages/workspaces/CreateWorkspacePage"));
const TemplatesPage = lazy(() => import("./pages/templates/TemplatesPage"));
const CreateTemplatePage = lazy(() => import("./pages/templates/CreateTemplatePage"));
const TemplateLayout = lazy(() => import("./pages/templates/TemplateLayout"));
const TemplateSummaryPage = lazy(() => import("./pages/templates/TemplateSummaryPage"));
const TemplateVersionsPage = lazy(() => import("./pages/templates/TemplateVersionsPage"));
const TemplateVersionPage = lazy(() => import("./pages/templates/TemplateVersionPage"));
const TemplateSettingsPage = lazy(() => import("./pages/templates/TemplateSettingsPage"));
const UsersPage = lazy(() => import("./pages/users/UsersPage"));
const DeploymentPage = lazy(() => import("./pages/DeploymentPage"));
const SettingsLayout = lazy(() => import("./pages/settings/SettingsLayout"));
const AccountPage = lazy(() => import("./pages/settings/AccountPage"));
const TokensPage = lazy(() => import("./pages/settings/TokensPage"));
const SSHKeysPage = lazy(() => import("./pages/settings/SSHKeysPage"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage"));

const page = (node: ReactNode) => <Suspense fallback={<Loader fullscreen />}>{node}</Suspense>;

export const routes: RouteObject[] = [
  { path: "/setup", element: page(<SetupPage />) },
  { path: "/login", element: page(<LoginPage />) },
  {
    element: <RequireAuth />,
    children: [
      { path: "/cli-auth", element: page(<CliAuthPage />) },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/workspaces" replace /> },
          { path: "/workspaces", element: <WorkspacesPage /> },
          { path: "/templates", element: <TemplatesPage /> },
          { path: "/templates/new", element: <CreateTemplatePage /> },
          {
            path: "/templates/:template",
            element: <TemplateLayout />,
            children: [
              { index: true, element: <TemplateSummaryPage /> },
              { path: "versions", element: <TemplateVersionsPage /> },
              { path: "versions/:version", element: <TemplateVersionPage /> },
              { path: "settings", element: <TemplateSettingsPage /> },
            ],
          },
          { path: "/templates/:template/workspace", element: <CreateWorkspacePage /> },
          { path: "/users", element: <UsersPage /> },
          { path: "/deployment", element: <DeploymentPage /> },
          { path: "/deployment/*", element: <Navigate to="/deployment" replace /> },
          {
            path: "/settings",
            element: <SettingsLayout />,
            children: [
              { index: true, element: <Navigate to="/settings/account" replace /> },
              { path: "account", element: <AccountPage /> },
              { path: "tokens", element: <TokensPage /> },
              { path: "ssh-keys", element: <SSHKeysPage /> },
            ],
          },
          // Coder's workspace URLs: /{owner}/{workspace}. Static first segments above win over these.
          { path: "/:username/:workspace", element: <WorkspacePage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
