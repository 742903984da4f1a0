import { render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryRouter, RouterProvider, useLocation } from "react-router";
import * as API from "../api/api";
import { AppProviders, createQueryClient } from "../App";
import { owner } from "../testing/render";
import { RequireAuth, safeRedirect } from "./RequireAuth";

vi.mock("../api/api");

function Where() {
  const l = useLocation();
  return <div data-testid="location">{l.pathname + l.search}</div>;
}

function renderAt(route: string) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false } });
  const router = createMemoryRouter(
    [
      { element: <RequireAuth />, children: [{ path: "/users", element: <div>users page</div> }] },
      { path: "*", element: <Where /> },
    ],
    { initialEntries: [route] },
  );
  render(
    <AppProviders client={client}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

describe("RequireAuth", () => {
  beforeEach(() => vi.mocked(API.hasFirstUser).mockResolvedValue(true));

  it("renders the page for a signed-in user", async () => {
    vi.mocked(API.getAuthenticatedUser).mockResolvedValue(owner);
    renderAt("/users");
    expect(await screen.findByText("users page")).toBeInTheDocument();
  });

  it("sends signed-out visitors to login with a redirect back", async () => {
    vi.mocked(API.getAuthenticatedUser).mockResolvedValue(null);
    renderAt("/users?filter=x");
    expect(await screen.findByTestId("location")).toHaveTextContent("/login?redirect=%2Fusers%3Ffilter%3Dx");
  });

  it("sends everyone to setup before the first user exists", async () => {
    vi.mocked(API.getAuthenticatedUser).mockResolvedValue(null);
    vi.mocked(API.hasFirstUser).mockResolvedValue(false);
    renderAt("/users");
    expect(await screen.findByTestId("location")).toHaveTextContent("/setup");
  });
});

describe("safeRedirect", () => {
  it("accepts only same-origin paths", () => {
    expect(safeRedirect("/settings/tokens?x=1")).toBe("/settings/tokens?x=1");
    expect(safeRedirect("//evil.example")).toBe("/workspaces");
    expect(safeRedirect("https://evil.example")).toBe("/workspaces");
    expect(safeRedirect(null)).toBe("/workspaces");
  });
});
