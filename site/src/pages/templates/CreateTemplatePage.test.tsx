import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as API from "../../api/api";
import { ApiError } from "../../api/client";
import type { ProvisionerJobLog, TemplateVersion } from "../../api/types";
import { makeJob, makeTemplate, makeVersion } from "../../testing/fixtures";
import { owner, renderPage } from "../../testing/render";
import CreateTemplatePage from "./CreateTemplatePage";

vi.mock("../../api/api");

let logHandlers: { onLog: (log: ProvisionerJobLog) => void; onDone: () => void } | undefined;
const pending = makeVersion({ id: "v-new", template_id: undefined, job: makeJob({ status: "running", completed_at: undefined }) });

describe("CreateTemplatePage", () => {
  beforeEach(() => {
    logHandlers = undefined;
    vi.mocked(API.followJobLogs).mockImplementation((_, __, handlers) => {
      logHandlers = handlers;
      return { close: vi.fn() };
    });
    vi.mocked(API.getJobLogs).mockResolvedValue([]);
  });

  it("offers the upload when the server bundles no starters", async () => {
    vi.mocked(API.getTemplateExamples).mockResolvedValue([]);
    renderPage(<CreateTemplatePage />, { path: "/templates/new", me: owner });
    expect(await screen.findByText("Drop a .tar or .zip archive here")).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Upload archive" })).toHaveAttribute("aria-selected", "true");
  });

  it("uploads an archive, follows the import logs and creates the template", async () => {
    vi.mocked(API.getTemplateExamples).mockResolvedValue([]);
    vi.mocked(API.uploadFile).mockResolvedValue({ hash: "file-1" });
    vi.mocked(API.createTemplateVersion).mockResolvedValue(pending);
    let version: TemplateVersion = pending;
    vi.mocked(API.getTemplateVersion).mockImplementation(async () => version);
    vi.mocked(API.createTemplate).mockResolvedValue(makeTemplate({ name: "echo" }));
    const user = userEvent.setup();
    const { router } = renderPage(<CreateTemplatePage />, { path: "/templates/new", me: owner });

    await user.click(await screen.findByRole("button", { name: "Create template" }));
    expect(screen.getByText("Choose a .tar or .zip archive.")).toBeInTheDocument();
    expect(API.uploadFile).not.toHaveBeenCalled();

    const archive = new File(["tar bytes"], "My Echo.tar", { type: "application/x-tar" });
    await user.upload(screen.getByLabelText("Template archive"), archive);
    expect(screen.getByRole("textbox", { name: /^Name/ })).toHaveValue("my-echo");
    await user.click(screen.getByRole("button", { name: "Create template" }));
    await waitFor(() => expect(API.createTemplateVersion).toHaveBeenCalledWith({
      provisioner: "terraform",
      user_variable_values: [],
      storage_method: "file",
      file_id: "file-1",
      example_id: undefined,
    }));
    expect(API.uploadFile).toHaveBeenCalledWith(archive);

    await waitFor(() => expect(logHandlers).toBeDefined());
    act(() => logHandlers!.onLog({ id: 1, created_at: "2026-11-25T08:00:00Z", log_source: "provisioner", log_level: "info", stage: "Planning", output: "terraform init" }));
    expect(await screen.findByText("terraform init")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Importing…" })).toBeDisabled();

    version = makeVersion({ id: "v-new", template_id: undefined });
    act(() => logHandlers!.onDone());
    await waitFor(() => expect(router.state.location.pathname).toBe("/templates/echo"));
    expect(API.createTemplate).toHaveBeenCalledWith({
      name: "my-echo",
      display_name: undefined,
      description: undefined,
      icon: undefined,
      template_version_id: "v-new",
    });
  });

  it("starts from a starter and shows a failed import with its error", async () => {
    vi.mocked(API.getTemplateExamples).mockResolvedValue([
      { id: "docker", name: "Docker Containers", description: "Develop in Docker", icon: "/icon/docker.png", url: "", tags: ["docker"], markdown: "" },
    ]);
    vi.mocked(API.createTemplateVersion).mockResolvedValue(pending);
    vi.mocked(API.getTemplateVersion).mockResolvedValue(
      makeVersion({ id: "v-new", job: makeJob({ status: "failed", error: "terraform plan: exit status 1" }) }),
    );
    const user = userEvent.setup();
    renderPage(<CreateTemplatePage />, { path: "/templates/new", route: "/templates/new?exampleId=docker", me: owner });
    await waitFor(() => expect(screen.getByRole("textbox", { name: /^Name/ })).toHaveValue("docker"));
    expect(screen.getByLabelText("Display name")).toHaveValue("Docker Containers");
    expect(screen.getByRole("radio", { name: /Docker Containers/ })).toHaveAttribute("aria-checked", "true");
    await user.click(screen.getByRole("button", { name: "Create template" }));
    expect(await screen.findByText(/The import failed: terraform plan: exit status 1/)).toBeInTheDocument();
    expect(API.createTemplateVersion).toHaveBeenCalledWith(expect.objectContaining({ example_id: "docker", provisioner: "terraform" }));
    expect(API.createTemplate).not.toHaveBeenCalled();
  });

  it("shows a name conflict from the server at the name field", async () => {
    vi.mocked(API.getTemplateExamples).mockResolvedValue([]);
    vi.mocked(API.uploadFile).mockResolvedValue({ hash: "file-1" });
    vi.mocked(API.createTemplateVersion).mockResolvedValue(makeVersion({ id: "v-ok", template_id: undefined }));
    vi.mocked(API.getTemplateVersion).mockResolvedValue(makeVersion({ id: "v-ok", template_id: undefined }));
    vi.mocked(API.createTemplate).mockRejectedValue(
      new ApiError(409, { message: "Template with name \"x\" already exists.", validations: [{ field: "name", detail: "This value is already in use and should be unique." }] }),
    );
    const user = userEvent.setup();
    renderPage(<CreateTemplatePage />, { path: "/templates/new", me: owner });
    await user.upload(await screen.findByLabelText("Template archive"), new File(["x"], "x.tar"));
    await user.click(screen.getByRole("button", { name: "Create template" }));
    expect(await screen.findByText("This value is already in use and should be unique.")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent('Template with name "x" already exists.');
  });
});
