import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as API from "../../api/api";
import { ApiError } from "../../api/client";
import { makeTemplate } from "../../testing/fixtures";
import { owner, renderPage } from "../../testing/render";
import TemplateLayout from "./TemplateLayout";
import TemplateSettingsPage from "./TemplateSettingsPage";

vi.mock("../../api/api");

const render = () =>
  renderPage(<TemplateLayout />, {
    path: "/templates/:template",
    route: "/templates/docker/settings",
    me: owner,
    children: [{ path: "settings", element: <TemplateSettingsPage /> }],
  });

describe("TemplateSettingsPage", () => {
  beforeEach(() => {
    vi.mocked(API.getTemplateByName).mockResolvedValue(makeTemplate());
    vi.mocked(API.checkAuthorization).mockResolvedValue({ updateTemplates: true, createTemplates: true });
  });

  it("sends the template's fields with schedule times in milliseconds", async () => {
    vi.mocked(API.updateTemplateMeta).mockResolvedValue(makeTemplate({ display_name: "Docker (new)", default_ttl_ms: 2 * 3_600_000 }));
    const user = userEvent.setup();
    render();
    const display = await screen.findByLabelText("Display name");
    await user.clear(display);
    await user.type(display, "Docker (new)");
    const ttl = screen.getByLabelText("Default autostop (hours)");
    await user.clear(ttl);
    await user.type(ttl, "2");
    await user.click(screen.getByLabelText("Allow users to cancel in-progress workspace jobs"));
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Settings saved.")).toBeInTheDocument();
    expect(API.updateTemplateMeta).toHaveBeenCalledWith(makeTemplate().id, expect.objectContaining({
      display_name: "Docker (new)",
      default_ttl_ms: 7_200_000,
      activity_bump_ms: 3_600_000,
      allow_user_cancel_workspace_jobs: false,
      allow_user_autostart: true,
      allow_user_autostop: true,
    }));
  });

  it("checks values before sending and shows the server's validations at the fields", async () => {
    vi.mocked(API.updateTemplateMeta).mockRejectedValue(
      new ApiError(400, { message: "Invalid request to update template metadata!", validations: [{ field: "activity_bump_ms", detail: "Must be a positive integer." }] }),
    );
    const user = userEvent.setup();
    render();
    const ttl = await screen.findByLabelText("Default autostop (hours)");
    await user.clear(ttl);
    await user.type(ttl, "-1");
    expect(screen.getByText("Default autostop must not be negative.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save" })).toBeDisabled();
    await user.clear(ttl);
    await user.type(ttl, "1");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Must be a positive integer.")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Invalid request to update template metadata!");
  });

  it("reports 304 as nothing changed", async () => {
    vi.mocked(API.updateTemplateMeta).mockResolvedValue(undefined);
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole("button", { name: "Save" }));
    expect(await screen.findByText("Nothing changed.")).toBeInTheDocument();
  });

  it("deletes only after the name is typed", async () => {
    vi.mocked(API.deleteTemplate).mockResolvedValue(undefined);
    const user = userEvent.setup();
    const { router } = render();
    await user.click(await screen.findByRole("button", { name: "Delete template" }));
    await user.type(screen.getByLabelText('Type "docker" to confirm'), "docker");
    await user.click(screen.getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/templates"));
    expect(API.deleteTemplate).toHaveBeenCalledWith(makeTemplate().id);
  });
});
