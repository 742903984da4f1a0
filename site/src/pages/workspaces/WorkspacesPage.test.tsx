import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import * as API from "../../api/api";
import { ApiError } from "../../api/client";
import { makeBuild, makeWorkspace } from "../../testing/fixtures";
import { owner, renderPage } from "../../testing/render";
import WorkspacesPage from "./WorkspacesPage";

vi.mock("../../api/api");

const running = makeWorkspace();
const stopped = makeWorkspace({
  id: "3c000000-0000-4000-8000-000000000002",
  name: "old",
  outdated: true,
  latest_build: makeBuild({ transition: "stop", status: "stopped" }),
});

describe("WorkspacesPage", () => {
  it("lists workspaces with status, template and quick start/stop", async () => {
    vi.mocked(API.getWorkspaces).mockResolvedValue({ workspaces: [running, stopped], count: 2, available: true });
    vi.mocked(API.createWorkspaceBuild).mockResolvedValue(makeBuild({ status: "pending" }));
    const user = userEvent.setup();
    renderPage(<WorkspacesPage />, { path: "/workspaces", me: owner });
    const row = await screen.findByTestId("workspace-row-dev");
    expect(row).toHaveTextContent("Running");
    expect(row).toHaveTextContent("Docker");
    expect(within(row).getByRole("link", { name: "dev" })).toHaveAttribute("href", "/admin/dev");
    const old = screen.getByTestId("workspace-row-old");
    expect(old).toHaveTextContent("Stopped");
    expect(old).toHaveTextContent("Outdated");
    await user.click(within(old).getByRole("button", { name: "Start old" }));
    await waitFor(() => expect(API.createWorkspaceBuild).toHaveBeenCalledWith(stopped.id, { transition: "start", reason: "dashboard" }));
    expect(API.getWorkspaces).toHaveBeenCalledWith("owner:me");
  });

  it("searches with the API's filter syntax and shows filter errors at the box", async () => {
    vi.mocked(API.getWorkspaces).mockImplementation(async (q) => {
      if (q.includes("bogus:")) throw new ApiError(400, { message: "Invalid workspace search query.", validations: [{ field: "q", detail: 'Query param "bogus" is not a valid query param' }] });
      return { workspaces: q.includes("status:running") ? [running] : [running, stopped], count: 1, available: true };
    });
    const user = userEvent.setup();
    const { router } = renderPage(<WorkspacesPage />, { path: "/workspaces", me: owner });
    await screen.findByTestId("workspace-row-old");
    await user.click(screen.getByRole("button", { name: "Running" }));
    await waitFor(() => expect(router.state.location.search).toBe("?filter=owner%3Ame+status%3Arunning"));
    await waitFor(() => expect(screen.queryByTestId("workspace-row-old")).not.toBeInTheDocument());
    const box = screen.getByLabelText("Search workspaces");
    await user.clear(box);
    await user.type(box, "bogus:x");
    expect(await screen.findByText('Query param "bogus" is not a valid query param')).toBeInTheDocument();
  });

  it("leads to templates when there are no workspaces", async () => {
    vi.mocked(API.getWorkspaces).mockResolvedValue({ workspaces: [], count: 0, available: true });
    renderPage(<WorkspacesPage />, { path: "/workspaces", me: owner });
    expect(await screen.findByText("No workspaces yet")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Choose a template" })).toHaveAttribute("href", "/templates");
  });
});
