import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { createMemoryRouter, RouterProvider, useLocation, type RouteObject } from "react-router";
import { AppProviders, createQueryClient } from "../App";
import { queryKeys } from "../api/queries/keys";
import type { User } from "../api/types";

export const owner: User = {
  id: "9f1c0b7e-0000-4000-8000-000000000001",
  username: "admin",
  name: "Ada Admin",
  email: "admin@example.com",
  avatar_url: "",
  created_at: "2026-11-01T10:00:00Z",
  last_seen_at: "2026-11-25T04:00:00Z",
  status: "active",
  login_type: "password",
  organization_ids: ["0c9d0000-0000-4000-8000-000000000000"],
  roles: [{ name: "owner", display_name: "Owner" }],
};

export function makeUser(overrides: Partial<User>): User {
  return { ...owner, id: crypto.randomUUID(), roles: [], ...overrides };
}

/** Shows where a redirect landed. */
function Location() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

interface Options {
  path?: string;
  route?: string;
  /** The signed-in user to seed (null = signed out; undefined = leave to the queries). */
  me?: User | null;
  hasFirstUser?: boolean;
  /** Nested routes rendered in the page's <Outlet /> (layouts). */
  children?: RouteObject[];
}

/** Renders a page inside the app's providers and a memory router; other paths render their location. */
export function renderPage(ui: ReactNode, { path = "/", route = path, me, hasFirstUser, children }: Options = {}) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } });
  if (me !== undefined) client.setQueryData(queryKeys.me, me);
  if (hasFirstUser !== undefined) client.setQueryData(queryKeys.hasFirstUser, hasFirstUser);
  const router = createMemoryRouter(
    [
      { path, element: ui, children },
      { path: "*", element: <Location /> },
    ],
    { initialEntries: [route] },
  );
  const result = render(
    <AppProviders client={client}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, client, router };
}
