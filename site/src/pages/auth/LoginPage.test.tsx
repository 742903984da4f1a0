import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as API from "../../api/api";
import { ApiError } from "../../api/client";
import type { AuthMethods } from "../../api/types";
import { owner, renderPage } from "../../testing/render";
import LoginPage from "./LoginPage";

vi.mock("../../api/api");

const passwordOnly: AuthMethods = {
  password: { enabled: true },
  github: { enabled: false },
  oidc: { enabled: false, signInText: "", iconUrl: "" },
};

describe("LoginPage", () => {
  beforeEach(() => {
    vi.mocked(API.getAuthMethods).mockResolvedValue(passwordOnly);
    vi.mocked(API.getBuildInfo).mockResolvedValue({ version: "v0.1.0" } as never);
  });

  it("validates email and password before submitting", async () => {
    const user = userEvent.setup();
    renderPage(<LoginPage />, { path: "/login", me: null, hasFirstUser: true });
    await user.click(await screen.findByRole("button", { name: "Sign in" }));
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Email is required.");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("Password is required.");
    await user.type(screen.getByLabelText("Email"), "not-an-email");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter a valid email address.");
    expect(API.login).not.toHaveBeenCalled();
  });

  it("shows the server's message on bad credentials", async () => {
    vi.mocked(API.login).mockRejectedValue(new ApiError(401, { message: "Incorrect email or password." }));
    const user = userEvent.setup();
    renderPage(<LoginPage />, { path: "/login", me: null, hasFirstUser: true });
    await user.type(await screen.findByLabelText("Email"), "admin@example.com");
    await user.type(screen.getByLabelText("Password"), "wrong");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Incorrect email or password.");
  });

  it("signs in and follows a relative ?redirect=", async () => {
    vi.mocked(API.login).mockResolvedValue({ session_token: "x-y" });
    vi.mocked(API.getAuthenticatedUser).mockResolvedValue(owner);
    const user = userEvent.setup();
    renderPage(<LoginPage />, { path: "/login", route: "/login?redirect=%2Fsettings%2Ftokens", me: null, hasFirstUser: true });
    await user.type(await screen.findByLabelText("Email"), "admin@example.com");
    await user.type(screen.getByLabelText("Password"), "secret-password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/settings/tokens");
  });

  it("ignores redirects to other origins", async () => {
    renderPage(<LoginPage />, { path: "/login", route: "/login?redirect=%2F%2Fevil.example", me: owner, hasFirstUser: true });
    expect(await screen.findByTestId("location")).toHaveTextContent("/workspaces");
  });

  it("offers GitHub and OIDC only when the server enables them", async () => {
    const { unmount } = renderPage(<LoginPage />, { path: "/login", me: null, hasFirstUser: true });
    await screen.findByRole("button", { name: "Sign in" });
    await waitFor(() => expect(API.getAuthMethods).toHaveBeenCalled());
    expect(screen.queryByRole("link", { name: /GitHub/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /OpenID/ })).not.toBeInTheDocument();
    unmount();

    vi.mocked(API.getAuthMethods).mockResolvedValue({
      password: { enabled: true },
      github: { enabled: true },
      oidc: { enabled: true, signInText: "Sign in with Okta", iconUrl: "" },
    });
    renderPage(<LoginPage />, { path: "/login", route: "/login?redirect=%2Fusers", me: null, hasFirstUser: true });
    expect(await screen.findByRole("link", { name: /Sign in with GitHub/ })).toHaveAttribute(
      "href",
      "/api/v2/users/oauth2/github/callback?redirect=%2Fusers",
    );
    expect(screen.getByRole("link", { name: /Sign in with Okta/ })).toHaveAttribute("href", "/api/v2/users/oidc/callback?redirect=%2Fusers");
  });

  it("sends visitors to setup before the first user exists", async () => {
    renderPage(<LoginPage />, { path: "/login", me: null, hasFirstUser: false });
    expect(await screen.findByTestId("location")).toHaveTextContent("/setup");
  });
});
