import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ProvisionerJobLog } from "../api/types";
import { groupByStage, LogViewer } from "./LogViewer";

const line = (id: number, stage: string, output: string, level: ProvisionerJobLog["log_level"] = "info", at = "2026-11-25T08:00:00Z"): ProvisionerJobLog => ({
  id,
  created_at: at,
  log_source: "provisioner",
  log_level: level,
  stage,
  output,
});

describe("LogViewer", () => {
  it("groups consecutive lines by stage with the time each took", () => {
    const stages = groupByStage([
      line(1, "Planning", "a", "info", "2026-11-25T08:00:00Z"),
      line(2, "Planning", "b", "info", "2026-11-25T08:00:02.5Z"),
      line(3, "Applying", "c"),
    ]);
    expect(stages.map((s) => [s.name, s.logs.length, s.ended - s.started])).toEqual([
      ["Planning", 2, 2500],
      ["Applying", 1, 0],
    ]);
  });

  it("renders stages, levels and the live state", () => {
    render(<LogViewer logs={[line(1, "Planning", "hello"), line(2, "Planning", "careful", "warn"), line(3, "Applying", "boom", "error")]} streaming />);
    const log = screen.getByRole("log", { name: "Build logs" });
    expect(log).toHaveAttribute("aria-busy", "true");
    expect(within(log).getByRole("region", { name: "Planning" })).toHaveTextContent("hellocareful");
    expect(within(log).getByText("boom")).toHaveAttribute("data-level", "error");
    expect(log).toHaveTextContent("Streaming…");
  });

  it("says when there is nothing yet", () => {
    render(<LogViewer logs={[]} emptyText="No logs." />);
    expect(screen.getByText("No logs.")).toBeInTheDocument();
    render(<LogViewer logs={[]} streaming label="Live" />);
    expect(within(screen.getByRole("log", { name: "Live" })).getByText("Waiting for logs…")).toBeInTheDocument();
  });
});
