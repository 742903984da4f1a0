import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as API from "../../api/api";
import { ApiError } from "../../api/client";
import { owner, renderPage } from "../../testing/render";
import SetupPage from "./SetupPage";

vi.mock("../../api/api");

describe("SetupPage", () => {
  beforeEach(() => {
    vi.mocked(API.hasFirstUser).mockResolvedValue(false);
    vi.mocked(API.getBuildInfo).mockResolvedValue({ version: "v0.1.0" } as never);
    vi.mocked(API.getAuthenticatedUser).mockResolvedValue(null);
  });

  it("validates the form before calling the server", async () => {
    const user = userEvent.setup();
    renderPage(<SetupPage />, { path: "/setup" });
    await user.click(await screen.findByRole("button", { name: "Create account" }));
    expect(screen.getByLabelText("Username")).toHaveAccessibleDescription("Username is required.");
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Email is required.");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("Password is required.");
    await user.type(screen.getByLabelText("Username"), "-bad-");
    expect(screen.getByLabelText("Username")).toHaveAccessibleDescription(/letters, digits and single hyphens/);
    expect(API.createFirstUser).not.toHaveBeenCalled();
  });

  it("shows the server's field validations next to the fields", async () => {
    vi.mocked(API.createFirstUser).mockRejectedValue(
      new ApiError(400, {
        message: "Validation failed.",
        validations: [
          { field: "password", detail: "Password is not strong enough." },
          { field: "trial", detail: "Unexpected." },
        ],
      }),
    );
    const user = userEvent.setup();
    renderPage(<SetupPage />, { path: "/setup" });
    await user.type(await screen.findByLabelText("Username"), "admin");
    await user.type(screen.getByLabelText("Full name"), "Ada Admin");
    await user.type(screen.getByLabelText("Email"), "admin@example.com");
    await user.type(screen.getByLabelText("Password"), "password");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    await waitFor(() => expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("Password is not strong enough."));
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Validation failed.");
    // A validation with no field on the form is listed in the alert instead.
    expect(alert).toHaveTextContent("trial: Unexpected.");
    expect(API.createFirstUser).toHaveBeenCalledWith({
      username: "admin",
      name: "Ada Admin",
      email: "admin@example.com",
      password: "password",
      trial: false,
    });
  });

  it("creates the owner, signs in and lands on workspaces", async () => {
    vi.mocked(API.createFirstUser).mockResolvedValue({ user_id: owner.id, organization_id: "o" });
    vi.mocked(API.login).mockResolvedValue({ session_token: "abc-def" });
    vi.mocked(API.getAuthenticatedUser).mockResolvedValue(owner);
    const user = userEvent.setup();
    renderPage(<SetupPage />, { path: "/setup" });
    await user.type(await screen.findByLabelText("Username"), "admin");
    await user.type(screen.getByLabelText("Email"), "admin@example.com");
    await user.type(screen.getByLabelText("Password"), "a-long-passphrase-1");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/workspaces");
    expect(API.login).toHaveBeenCalledWith({ email: "admin@example.com", password: "a-long-passphrase-1" });
  });

  it("sends visitors to login once a user exists", async () => {
    vi.mocked(API.hasFirstUser).mockResolvedValue(true);
    renderPage(<SetupPage />, { path: "/setup" });
    expect(await screen.findByTestId("location")).toHaveTextContent("/login");
  });
});
