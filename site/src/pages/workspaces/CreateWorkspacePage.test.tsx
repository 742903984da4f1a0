import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as API from "../../api/api";
import { ApiError } from "../../api/client";
import { makeParameter, makeTemplate, makeVersion, makeWorkspace } from "../../testing/fixtures";
import { owner, renderPage } from "../../testing/render";
import CreateWorkspacePage from "./CreateWorkspacePage";

vi.mock("../../api/api");

const parameters = [
  makeParameter({
    name: "region",
    display_name: "Region",
    description_plaintext: "Where the workspace runs.",
    mutable: false,
    default_value: "eu",
    options: [
      { name: "Europe", value: "eu", description: "Frankfurt", icon: "" },
      { name: "United States", value: "us", description: "Ohio", icon: "" },
    ],
  }),
  makeParameter({ name: "cpu", display_name: "CPU cores", type: "number", default_value: "2", validation_min: 1, validation_max: 8 }),
  makeParameter({ name: "dotfiles", display_name: "Dotfiles", validation_regex: "^(https://.*)?$", validation_error: "Use an https:// URL." }),
  makeParameter({ name: "gpu", display_name: "GPU", type: "bool", default_value: "false" }),
  makeParameter({ name: "tools", display_name: "Tools", type: "list(string)", default_value: '["git"]' }),
  makeParameter({ name: "project", display_name: "Project", required: true }),
];

const path = "/templates/:template/workspace";
const route = "/templates/docker/workspace";

describe("CreateWorkspacePage", () => {
  beforeEach(() => {
    vi.mocked(API.getTemplateByName).mockResolvedValue(makeTemplate());
    vi.mocked(API.getTemplateVersion).mockResolvedValue(makeVersion());
    vi.mocked(API.getTemplateVersionRichParameters).mockResolvedValue(parameters);
    vi.mocked(API.getTemplateVersionPresets).mockResolvedValue([]);
  });

  it("renders every parameter type with its description, options and markers", async () => {
    renderPage(<CreateWorkspacePage />, { path, route, me: owner });
    const region = await screen.findByTestId("parameter-region");
    expect(region).toHaveTextContent("Where the workspace runs.");
    expect(region).toHaveTextContent("Immutable");
    expect(screen.getByTestId("parameter-region")).toHaveTextContent("Frankfurt");
    expect(screen.getByLabelText("CPU cores")).toHaveValue("2");
    expect(within(screen.getByTestId("parameter-gpu")).getByRole("checkbox")).not.toBeChecked();
    expect(screen.getByTestId("parameter-tools")).toHaveTextContent("git");
    expect(screen.getByTestId("parameter-project")).toHaveTextContent("*");
  });

  it("shows validation before submitting and sends nothing while values are invalid", async () => {
    const user = userEvent.setup();
    renderPage(<CreateWorkspacePage />, { path, route, me: owner });
    const cpu = await screen.findByLabelText("CPU cores");
    await user.clear(cpu);
    await user.type(cpu, "12");
    expect(await screen.findByText("The value must be at most 8.")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Dotfiles"), "git@github.com:me/dots");
    expect(await screen.findByText("Use an https:// URL.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Create workspace" }));
    expect(await screen.findByText("Workspace name is required.")).toBeInTheDocument();
    expect(within(screen.getByTestId("parameter-project")).getByText("A value is required.")).toBeInTheDocument();
    expect(screen.getByText("Fix the highlighted parameters first.")).toBeInTheDocument();
    expect(API.createWorkspace).not.toHaveBeenCalled();
  });

  it("creates the workspace with every parameter value and opens it", async () => {
    vi.mocked(API.createWorkspace).mockResolvedValue(makeWorkspace({ name: "my-dev" }));
    const user = userEvent.setup();
    const { router } = renderPage(<CreateWorkspacePage />, { path, route, me: owner });
    await user.type(await screen.findByRole("textbox", { name: /^Workspace name/ }), "my-dev");
    await user.click(within(screen.getByTestId("parameter-gpu")).getByRole("checkbox"));
    await user.type(within(screen.getByTestId("parameter-tools")).getByRole("textbox"), "vim{Enter}");
    await user.type(screen.getByLabelText("Project"), "jcoder");
    await user.click(screen.getByRole("button", { name: "Create workspace" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/admin/my-dev"));
    expect(API.createWorkspace).toHaveBeenCalledWith("me", {
      name: "my-dev",
      template_id: makeTemplate().id,
      template_version_preset_id: undefined,
      rich_parameter_values: [
        { name: "region", value: "eu" },
        { name: "cpu", value: "2" },
        { name: "dotfiles", value: "" },
        { name: "gpu", value: "true" },
        { name: "tools", value: '["git","vim"]' },
        { name: "project", value: "jcoder" },
      ],
    });
  });

  it("shows the server's validations next to their fields and the message in the alert", async () => {
    vi.mocked(API.createWorkspace).mockRejectedValue(
      new ApiError(400, {
        message: "Unable to validate parameters.",
        validations: [
          { field: "name", detail: "A workspace named my-dev already exists." },
          { field: "project", detail: "Project must exist." },
          { field: "other", detail: "Something else." },
        ],
      }),
    );
    const user = userEvent.setup();
    renderPage(<CreateWorkspacePage />, { path, route, me: owner });
    await user.type(await screen.findByRole("textbox", { name: /^Workspace name/ }), "my-dev");
    await user.type(screen.getByLabelText("Project"), "nope");
    await user.click(screen.getByRole("button", { name: "Create workspace" }));
    expect(await screen.findByText("A workspace named my-dev already exists.")).toBeInTheDocument();
    expect(within(screen.getByTestId("parameter-project")).getByText("Project must exist.")).toBeInTheDocument();
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Unable to validate parameters.");
    expect(alert).toHaveTextContent("other: Something else.");
    expect(alert).not.toHaveTextContent("Project must exist.");
  });

  it("applies a preset and locks the fields it sets", async () => {
    vi.mocked(API.getTemplateVersionPresets).mockResolvedValue([
      { ID: "preset-1", Name: "Large", Parameters: [{ Name: "cpu", Value: "8" }], Default: true },
    ]);
    renderPage(<CreateWorkspacePage />, { path, route, me: owner });
    await waitFor(() => expect(screen.getByLabelText("CPU cores")).toHaveValue("8"));
    expect(screen.getByLabelText("CPU cores")).toBeDisabled();
    expect(screen.getByText('Set by the preset "Large".')).toBeInTheDocument();
  });
});
