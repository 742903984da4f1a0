import { lazy, Suspense, type ReactNode } from "react";
import { createBrowserRouter, Navigate, type RouteObject } from "react-router";
import { AppLayout } from "./components/Layout/AppLayout";
import { Loader } from "./components/Loader";
import { RequireAuth } from "./components/RequireAuth";

// Every page is its own chunk: the first load carries only the shell and the page it shows.
const SetupPage = lazy(() => import("./pages/auth/SetupPage"));
const LoginPage = lazy(() => import("./pages/auth/LoginPage"));
const CliAuthPage = lazy(() => import("./pages/auth/CliAuthPage"));
const WorkspacesPage = lazy(() => import("./pages/WorkspacesPage"));
const TemplatesPage = lazy(() => import("./pages/TemplatesPage"));
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
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
