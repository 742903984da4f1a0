import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as API from "../../api/api";
import { ApiError } from "../../api/client";
import type { APIKeyWithOwner } from "../../api/types";
import { owner, renderPage } from "../../testing/render";
import { NANOS_PER_DAY } from "../../utils/time";
import TokensPage from "./TokensPage";

vi.mock("../../api/api");

const token: APIKeyWithOwner = {
  id: "AbCdEfGhIj",
  user_id: owner.id,
  token_name: "ci-runner",
  scope: "all",
  login_type: "token",
  created_at: "2026-11-20T10:00:00Z",
  updated_at: "2026-11-20T10:00:00Z",
  last_used: "0001-01-01T00:00:00Z",
  expires_at: "2026-12-20T10:00:00Z",
  lifetime_seconds: 30 * 86400,
  username: "admin",
};

describe("TokensPage", () => {
  beforeEach(() => {
    vi.mocked(API.getTokenConfig).mockResolvedValue({ max_token_lifetime: 90 * NANOS_PER_DAY });
  });

  it("shows an empty state without tokens", async () => {
    vi.mocked(API.getTokens).mockResolvedValue([]);
    renderPage(<TokensPage />, { path: "/settings/tokens", me: owner });
    expect(await screen.findByText("No tokens yet")).toBeInTheDocument();
  });

  it("lists tokens", async () => {
    vi.mocked(API.getTokens).mockResolvedValue([token]);
    renderPage(<TokensPage />, { path: "/settings/tokens", me: owner });
    const row = await screen.findByTestId("token-row-ci-runner");
    expect(row).toHaveTextContent("AbCdEfGhIj");
    expect(row).toHaveTextContent("Never");
    expect(API.getTokens).toHaveBeenCalledWith("me");
  });

  it("shows load errors with message and detail", async () => {
    vi.mocked(API.getTokens).mockRejectedValue(new ApiError(500, { message: "An internal server error occurred.", detail: "request id 42" }));
    renderPage(<TokensPage />, { path: "/settings/tokens", me: owner });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("An internal server error occurred.");
    expect(alert).toHaveTextContent("request id 42");
  });

  it("creates a token with a lifetime in nanoseconds and shows the key once", async () => {
    vi.mocked(API.getTokens).mockResolvedValue([]);
    vi.mocked(API.createToken)
      .mockRejectedValueOnce(new ApiError(400, { message: "Validation failed.", validations: [{ field: "token_name", detail: "A token with this name already exists." }] }))
      .mockResolvedValueOnce({ key: "AbCdEfGhIj-0123456789abcdefghijkl" });
    const user = userEvent.setup();
    renderPage(<TokensPage />, { path: "/settings/tokens", me: owner });
    await user.click(await screen.findByRole("button", { name: "Create token" }));
    const dialog = await screen.findByRole("dialog", { name: "Create token" });
    await user.click(within(dialog).getByRole("button", { name: "Create token" }));
    expect(within(dialog).getByLabelText("Name")).toHaveAccessibleDescription("Name is required.");

    await user.type(within(dialog).getByLabelText("Name"), "deploy");
    // Lifetimes above the server's maximum (90 days) are not offered.
    await user.click(within(dialog).getByLabelText("Lifetime"));
    expect(screen.queryByRole("option", { name: "1 year" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("option", { name: "7 days" }));
    await user.click(within(dialog).getByRole("button", { name: "Create token" }));
    await waitFor(() => expect(within(dialog).getByLabelText("Name")).toHaveAccessibleDescription("A token with this name already exists."));

    await user.clear(within(dialog).getByLabelText("Name"));
    await user.type(within(dialog).getByLabelText("Name"), "deploy-2");
    await user.click(within(dialog).getByRole("button", { name: "Create token" }));
    expect(await screen.findByTestId("new-token")).toHaveTextContent("AbCdEfGhIj-0123456789abcdefghijkl");
    expect(API.createToken).toHaveBeenLastCalledWith("me", { token_name: "deploy-2", lifetime: 7 * NANOS_PER_DAY, scope: "all" });
    expect(screen.getByRole("button", { name: "Copy new token" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Done" }));
    await waitFor(() => expect(screen.queryByTestId("new-token")).not.toBeInTheDocument());
  });

  it("revokes a token after confirmation", async () => {
    vi.mocked(API.getTokens).mockResolvedValueOnce([token]).mockResolvedValue([]);
    vi.mocked(API.deleteToken).mockResolvedValue(undefined);
    const user = userEvent.setup();
    renderPage(<TokensPage />, { path: "/settings/tokens", me: owner });
    await user.click(await screen.findByRole("button", { name: "Revoke token ci-runner" }));
    const dialog = await screen.findByRole("dialog", { name: "Revoke token" });
    await user.click(within(dialog).getByRole("button", { name: "Revoke" }));
    await waitFor(() => expect(API.deleteToken).toHaveBeenCalledWith("me", "AbCdEfGhIj"));
    expect(await screen.findByText("No tokens yet")).toBeInTheDocument();
  });
});
