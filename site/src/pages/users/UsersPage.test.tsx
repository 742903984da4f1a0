import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as API from "../../api/api";
import { ApiError } from "../../api/client";
import type { User } from "../../api/types";
import { makeUser, owner, renderPage } from "../../testing/render";
import UsersPage from "./UsersPage";

vi.mock("../../api/api");

const alice = makeUser({ username: "alice", email: "alice@example.com", name: "Alice", status: "active" });
const bob = makeUser({ username: "bob", email: "bob@example.com", name: "", status: "suspended" });

describe("UsersPage", () => {
  beforeEach(() => {
    vi.mocked(API.checkAuthorization).mockResolvedValue({
      viewUsers: true,
      createUser: true,
      updateUsers: true,
      deleteUsers: true,
      viewDeployment: true,
    });
    vi.mocked(API.getUsers).mockResolvedValue({ users: [owner, alice, bob], count: 3 });
    vi.mocked(API.getAssignableRoles).mockResolvedValue([
      { name: "owner", display_name: "Owner", assignable: true },
      { name: "user-admin", display_name: "User Admin", assignable: true },
      { name: "auditor", display_name: "Auditor", assignable: false },
    ]);
  });

  it("lists users with their roles and status", async () => {
    renderPage(<UsersPage />, { path: "/users", me: owner });
    const table = await screen.findByRole("table", { name: "Users" });
    const aliceRow = await within(table).findByTestId("user-row-alice");
    expect(aliceRow).toHaveTextContent("Alice · alice@example.com");
    expect(aliceRow).toHaveTextContent("Active");
    expect(within(table).getByTestId("user-row-bob")).toHaveTextContent("Suspended");
    expect(within(table).getByTestId("user-row-admin")).toHaveTextContent("Owner");
    expect(within(table).getByTestId("user-row-admin")).toHaveTextContent("(you)");
    expect(API.getUsers).toHaveBeenCalledWith({ q: "", limit: 25, offset: 0 });
  });

  it("searches with the q syntax and shows filter errors under the box", async () => {
    const user = userEvent.setup();
    renderPage(<UsersPage />, { path: "/users", me: owner });
    await screen.findByTestId("user-row-alice");
    vi.mocked(API.getUsers).mockImplementation(async (req) => {
      if (req.q === "status:bogus") {
        throw new ApiError(400, {
          message: "Invalid user search query.",
          validations: [{ field: "q", detail: 'Query param "status" has invalid value: "bogus"' }],
        });
      }
      return { users: req.q === "status:suspended" ? [bob] : [owner, alice, bob], count: 1 };
    });
    await user.type(screen.getByLabelText("Search users"), "status:suspended");
    await waitFor(() => expect(API.getUsers).toHaveBeenLastCalledWith({ q: "status:suspended", limit: 25, offset: 0 }));
    await waitFor(() => expect(screen.queryByTestId("user-row-alice")).not.toBeInTheDocument());

    await user.clear(screen.getByLabelText("Search users"));
    await user.type(screen.getByLabelText("Search users"), "status:bogus");
    await waitFor(() =>
      expect(screen.getByLabelText("Search users")).toHaveAccessibleDescription('Query param "status" has invalid value: "bogus"'),
    );
  });

  it("shows an empty state when nothing matches", async () => {
    vi.mocked(API.getUsers).mockResolvedValue({ users: [], count: 0 });
    renderPage(<UsersPage />, { path: "/users", route: "/users?filter=nobody", me: owner });
    expect(await screen.findByText("No users match this filter")).toBeInTheDocument();
  });

  it("suspends after confirmation and activates directly", async () => {
    vi.mocked(API.suspendUser).mockResolvedValue({ ...alice, status: "suspended" });
    vi.mocked(API.activateUser).mockResolvedValue({ ...bob, status: "active" });
    const user = userEvent.setup();
    renderPage(<UsersPage />, { path: "/users", me: owner });
    await user.click(await screen.findByRole("button", { name: "Actions for alice" }));
    await user.click(screen.getByRole("menuitem", { name: "Suspend" }));
    const dialog = await screen.findByRole("dialog", { name: "Suspend user" });
    await user.click(within(dialog).getByRole("button", { name: "Suspend" }));
    await waitFor(() => expect(API.suspendUser).toHaveBeenCalledWith(alice.id));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    await user.click(screen.getByRole("button", { name: "Actions for bob" }));
    await user.click(screen.getByRole("menuitem", { name: "Activate" }));
    await waitFor(() => expect(API.activateUser).toHaveBeenCalledWith(bob.id));
    // Mutations refresh the list.
    await waitFor(() => expect(vi.mocked(API.getUsers).mock.calls.length).toBeGreaterThanOrEqual(3));
  });

  it("cannot suspend or delete yourself", async () => {
    const user = userEvent.setup();
    renderPage(<UsersPage />, { path: "/users", me: owner });
    await user.click(await screen.findByRole("button", { name: "Actions for admin" }));
    expect(screen.getByRole("menuitem", { name: "Suspend" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("menuitem", { name: "Delete" })).toHaveAttribute("aria-disabled", "true");
  });

  it("deletes only after the username is typed", async () => {
    vi.mocked(API.deleteUser).mockResolvedValue(undefined);
    const user = userEvent.setup();
    renderPage(<UsersPage />, { path: "/users", me: owner });
    await user.click(await screen.findByRole("button", { name: "Actions for alice" }));
    await user.click(screen.getByRole("menuitem", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete user" });
    const confirm = within(dialog).getByRole("button", { name: "Delete" });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type "alice" to confirm'), "alice");
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => expect(API.deleteUser).toHaveBeenCalledWith(alice.id));
  });

  it("edits site roles", async () => {
    vi.mocked(API.updateUserRoles).mockResolvedValue(alice);
    const user = userEvent.setup();
    renderPage(<UsersPage />, { path: "/users", me: owner });
    await user.click(await screen.findByRole("button", { name: "Actions for alice" }));
    await user.click(screen.getByRole("menuitem", { name: "Edit roles" }));
    const dialog = await screen.findByRole("dialog", { name: "Edit roles of alice" });
    await user.click(await within(dialog).findByLabelText("User Admin"));
    expect(within(dialog).getByLabelText("Auditor")).toBeDisabled();
    await user.click(within(dialog).getByRole("button", { name: "Save roles" }));
    await waitFor(() => expect(API.updateUserRoles).toHaveBeenCalledWith(alice.id, ["user-admin"]));
  });

  it("creates a user and shows server validations in the dialog", async () => {
    vi.mocked(API.createUser)
      .mockRejectedValueOnce(
        new ApiError(409, {
          message: "User already exists.",
          validations: [{ field: "username", detail: "This username is already in use." }],
        }),
      )
      .mockResolvedValueOnce(makeUser({ username: "carol" }) as User);
    const user = userEvent.setup();
    renderPage(<UsersPage />, { path: "/users", me: owner });
    await user.click(await screen.findByRole("button", { name: "Create user" }));
    const dialog = await screen.findByRole("dialog", { name: "Create user" });
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));
    expect(within(dialog).getByLabelText("Username")).toHaveAccessibleDescription("Username is required.");
    expect(API.createUser).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText("Username"), "carol");
    await user.type(within(dialog).getByLabelText("Email"), "carol@example.com");
    await user.type(within(dialog).getByLabelText("Password"), "a-long-passphrase-2");
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText("Username")).toHaveAccessibleDescription("This username is already in use."),
    );
    expect(within(dialog).getByRole("alert")).toHaveTextContent("User already exists.");

    await user.click(within(dialog).getByRole("button", { name: "Create user" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(API.createUser).toHaveBeenLastCalledWith({
      username: "carol",
      name: undefined,
      email: "carol@example.com",
      login_type: "password",
      password: "a-long-passphrase-2",
    });
  });

  it("dialogs are keyboard-operable: focus starts inside, Escape closes, focus returns", async () => {
    const user = userEvent.setup();
    renderPage(<UsersPage />, { path: "/users", me: owner });
    const open = await screen.findByRole("button", { name: "Create user" });
    await user.click(open);
    const dialog = await screen.findByRole("dialog", { name: "Create user" });
    expect(within(dialog).getByLabelText("Username")).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByLabelText("Full name")).toHaveFocus();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(open).toHaveFocus());
  });

  it("hides management for users who may only read", async () => {
    vi.mocked(API.checkAuthorization).mockResolvedValue({ viewUsers: true });
    renderPage(<UsersPage />, { path: "/users", me: owner });
    await screen.findByTestId("user-row-alice");
    await waitFor(() => expect(API.checkAuthorization).toHaveBeenCalled());
    expect(screen.queryByRole("button", { name: "Create user" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Actions for/ })).not.toBeInTheDocument();
  });
});
