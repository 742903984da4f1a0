import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as API from "../../api/api";
import type { ProvisionerJobLog, Workspace } from "../../api/types";
import { makeBuild, makeJob, makeParameter, makeVersion, makeWorkspace } from "../../testing/fixtures";
import { owner, renderPage } from "../../testing/render";
import WorkspacePage from "./WorkspacePage";

vi.mock("../../api/api");

const path = "/:username/:workspace";
const route = "/admin/dev";

let watchHandlers: { onWorkspace: (w: Workspace) => void } | undefined;
let logHandlers: { onLog: (log: ProvisionerJobLog) => void; onDone: () => void } | undefined;

const log = (id: number, output: string, stage = "Starting workspace"): ProvisionerJobLog => ({
  id,
  created_at: "2026-11-25T08:00:02Z",
  log_source: "provisioner",
  log_level: "info",
  stage,
  output,
});

describe("WorkspacePage", () => {
  beforeEach(() => {
    watchHandlers = undefined;
    logHandlers = undefined;
    vi.mocked(API.getWorkspaceByOwnerAndName).mockResolvedValue(makeWorkspace());
    vi.mocked(API.watchWorkspace).mockImplementation((_, handlers) => {
      watchHandlers = handlers;
      return { close: vi.fn() };
    });
    vi.mocked(API.followJobLogs).mockImplementation((_, __, handlers) => {
      logHandlers = handlers;
      return { close: vi.fn() };
    });
    vi.mocked(API.getJobLogs).mockResolvedValue([log(1, "container started")]);
    vi.mocked(API.getWorkspaceBuilds).mockResolvedValue([makeBuild()]);
    vi.mocked(API.getWorkspaceBuildParameters).mockResolvedValue([{ name: "cpu", value: "4" }]);
    vi.mocked(API.getTemplateVersion).mockResolvedValue(makeVersion());
    vi.mocked(API.getTemplateVersionRichParameters).mockResolvedValue([makeParameter({ name: "cpu", type: "number", default_value: "2" })]);
  });

  it("shows status, agents with their state, apps, SSH commands, parameters and build history", async () => {
    const user = userEvent.setup();
    renderPage(<WorkspacePage />, { path, route, me: owner });
    expect(await screen.findByRole("heading", { name: "dev" })).toBeInTheDocument();
    expect(screen.getAllByTestId("workspace-status")[0]).toHaveTextContent("Running");
    const agent = screen.getByTestId("agent-main");
    expect(within(agent).getByLabelText("Agent status connected")).toBeInTheDocument();
    expect(within(agent).getByLabelText("Agent lifecycle ready")).toBeInTheDocument();
    expect(within(agent).getByRole("button", { name: /code-server/ })).toBeDisabled();
    expect(within(agent).getByRole("button", { name: "Terminal" })).toBeDisabled();

    await user.click(within(agent).getByRole("button", { name: "SSH" }));
    const ssh = await screen.findByRole("dialog", { name: "SSH commands" });
    expect(ssh).toHaveTextContent("coder ssh dev");
    expect(ssh).toHaveTextContent("coder config-ssh");
    expect(ssh).toHaveTextContent("ssh coder.dev");
    await user.keyboard("{Escape}");

    const params = await screen.findByRole("table", { name: "Parameters" });
    expect(params).toHaveTextContent("4");
    expect(await screen.findByTestId("build-row-1")).toHaveTextContent("Start");
    expect(screen.getByRole("button", { name: "Stop" })).toBeEnabled();
    expect(screen.queryByRole("button", { name: "Start" })).not.toBeInTheDocument();
  });

  it("asks before deleting, with the workspace name typed", async () => {
    vi.mocked(API.createWorkspaceBuild).mockResolvedValue(makeBuild({ transition: "delete", status: "pending" }));
    const user = userEvent.setup();
    const { router } = renderPage(<WorkspacePage />, { path, route, me: owner });
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete workspace" });
    const confirm = within(dialog).getByRole("button", { name: "Delete" });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type "dev" to confirm'), "dev");
    await user.click(confirm);
    await waitFor(() => expect(API.createWorkspaceBuild).toHaveBeenCalledWith(makeWorkspace().id, { transition: "delete", reason: "dashboard", template_version_id: undefined }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/workspaces"));
  });

  it("updates live from the watch stream and follows the new build's log", async () => {
    vi.mocked(API.createWorkspaceBuild).mockResolvedValue(makeBuild({ id: "b2", build_number: 2, transition: "stop", status: "pending" }));
    const user = userEvent.setup();
    renderPage(<WorkspacePage />, { path, route, me: owner });
    await user.click(await screen.findByRole("button", { name: "Stop" }));
    await user.click(within(await screen.findByRole("dialog", { name: "Stop workspace" })).getByRole("button", { name: "Stop" }));
    await waitFor(() => expect(API.createWorkspaceBuild).toHaveBeenCalled());

    // The server announces the stopping build over SSE; the page shows it without a reload.
    const stopping = makeWorkspace({
      latest_build: makeBuild({ id: "b2", build_number: 2, transition: "stop", status: "stopping", job: makeJob({ status: "running", completed_at: undefined }) }),
    });
    await waitFor(() => expect(watchHandlers).toBeDefined());
    act(() => watchHandlers!.onWorkspace(stopping));
    expect(await screen.findByRole("log", { name: "Logs of build 2" })).toBeInTheDocument();
    expect(screen.getAllByTestId("workspace-status")[0]).toHaveTextContent("Stopping");
    await waitFor(() => expect(logHandlers).toBeDefined());
    act(() => logHandlers!.onLog(log(7, "stopping container", "Stopping workspace")));
    expect(await screen.findByText("stopping container")).toBeInTheDocument();

    act(() => watchHandlers!.onWorkspace(makeWorkspace({ latest_build: makeBuild({ id: "b2", build_number: 2, transition: "stop", status: "stopped" }) })));
    await waitFor(() => expect(screen.getAllByTestId("workspace-status")[0]).toHaveTextContent("Stopped"));
    expect(screen.getByRole("button", { name: "Start" })).toBeEnabled();
  });

  it("says so when the workspace does not exist", async () => {
    const { ApiError } = await import("../../api/client");
    vi.mocked(API.getWorkspaceByOwnerAndName).mockRejectedValue(new ApiError(404, { message: "Resource not found." }));
    renderPage(<WorkspacePage />, { path, route, me: owner });
    expect(await screen.findByText("Workspace not found")).toBeInTheDocument();
  });
});

describe("WorkspacePage schedule", () => {
  beforeEach(() => {
    vi.mocked(API.getWorkspaceByOwnerAndName).mockResolvedValue(makeWorkspace({ autostart_schedule: "CRON_TZ=Europe/Berlin 30 9 * * 1-5" }));
    vi.mocked(API.watchWorkspace).mockReturnValue({ close: vi.fn() });
    vi.mocked(API.getWorkspaceBuilds).mockResolvedValue([makeBuild()]);
    vi.mocked(API.getWorkspaceBuildParameters).mockResolvedValue([]);
    vi.mocked(API.getTemplateVersion).mockResolvedValue(makeVersion());
    vi.mocked(API.getTemplateVersionRichParameters).mockResolvedValue([]);
  });

  it("shows the autostart and saves a new schedule and autostop", async () => {
    vi.mocked(API.updateWorkspaceAutostart).mockResolvedValue(undefined);
    vi.mocked(API.updateWorkspaceTTL).mockResolvedValue(undefined);
    const user = userEvent.setup();
    renderPage(<WorkspacePage />, { path, route, me: owner });
    expect(await screen.findByText("09:30 Mon–Fri (Europe/Berlin)")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Edit schedule" }));
    const dialog = await screen.findByRole("dialog", { name: "Workspace schedule" });
    await user.click(within(dialog).getByLabelText("Sat"));
    const hours = within(dialog).getByLabelText("Stop after (hours)");
    await user.clear(hours);
    await user.type(hours, "0");
    expect(within(dialog).getByText("Autostop must be at least one minute after start.")).toBeInTheDocument();
    await user.clear(hours);
    await user.type(hours, "4");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(API.updateWorkspaceTTL).toHaveBeenCalledWith(makeWorkspace().id, 4 * 3_600_000));
    expect(API.updateWorkspaceAutostart).toHaveBeenCalledWith(makeWorkspace().id, "CRON_TZ=Europe/Berlin 30 9 * * 1,2,3,4,5,6");
  });

  it("extends a running workspace's deadline by an hour", async () => {
    vi.mocked(API.extendWorkspace).mockResolvedValue(undefined);
    const user = userEvent.setup();
    renderPage(<WorkspacePage />, { path, route, me: owner });
    await user.click(await screen.findByRole("button", { name: "Extend by 1 hour" }));
    await waitFor(() => expect(API.extendWorkspace).toHaveBeenCalled());
    const [, deadline] = vi.mocked(API.extendWorkspace).mock.calls[0];
    const expected = Math.max(Date.parse(makeBuild().deadline!), Date.now()) + 3_600_000;
    expect(Math.abs(Date.parse(deadline) - expected)).toBeLessThan(5_000);
  });
});
