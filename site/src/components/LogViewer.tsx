import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import { useEffect, useMemo, useRef } from "react";
import type { LogLevel, ProvisionerJobLog } from "../api/types";
import { monoFont } from "../theme";

const levelColor: Record<LogLevel, string> = {
  trace: "text.disabled",
  debug: "text.secondary",
  info: "text.primary",
  warn: "warning.light",
  error: "error.light",
};

interface Stage {
  name: string;
  logs: ProvisionerJobLog[];
  started: number;
  ended: number;
}

/** Consecutive lines of one stage form a group, with the time the stage took. */
export function groupByStage(logs: ProvisionerJobLog[]): Stage[] {
  const stages: Stage[] = [];
  for (const log of logs) {
    const at = Date.parse(log.created_at);
    const last = stages[stages.length - 1];
    if (last && last.name === log.stage) {
      last.logs.push(log);
      last.ended = at;
    } else {
      stages.push({ name: log.stage, logs: [log], started: at, ended: at });
    }
  }
  return stages;
}

function duration(stage: Stage): string {
  const ms = stage.ended - stage.started;
  if (!Number.isFinite(ms) || ms < 0) return "";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

interface Props {
  logs: ProvisionerJobLog[];
  /** Shows a live indicator and keeps the view scrolled to the newest line. */
  streaming?: boolean;
  emptyText?: string;
  label?: string;
  maxHeight?: number;
}

/** Provisioner job logs grouped by stage, colored by level; follows the tail while streaming. */
export function LogViewer({ logs, streaming = false, emptyText = "No logs yet.", label = "Build logs", maxHeight = 480 }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const stages = useMemo(() => groupByStage(logs), [logs]);
  useEffect(() => {
    const el = scroller.current;
    if (el && streaming) el.scrollTop = el.scrollHeight;
  }, [logs, streaming]);
  return (
    <Box
      ref={scroller}
      role="log"
      aria-label={label}
      aria-live={streaming ? "polite" : "off"}
      aria-busy={streaming}
      sx={{
        fontFamily: monoFont,
        fontSize: 12.5,
        lineHeight: 1.6,
        bgcolor: "#0b0d10",
        border: 1,
        borderColor: "divider",
        borderRadius: 1,
        maxHeight,
        overflow: "auto",
      }}
    >
      {stages.length === 0 && (
        <Typography sx={{ p: 2, fontFamily: monoFont, fontSize: 12.5 }} color="text.secondary">
          {streaming ? "Waiting for logs…" : emptyText}
        </Typography>
      )}
      {stages.map((stage, index) => (
        <Box key={`${index}-${stage.name}`} component="section" aria-label={stage.name || "Output"}>
          <Box
            sx={{
              display: "flex",
              justifyContent: "space-between",
              px: 2,
              py: 0.75,
              bgcolor: "rgba(255,255,255,0.04)",
              borderBottom: 1,
              borderTop: index ? 1 : 0,
              borderColor: "divider",
              fontWeight: 600,
            }}
          >
            <span>{stage.name || "Output"}</span>
            <Box component="span" sx={{ color: "text.secondary", fontWeight: 400 }}>
              {streaming && index === stages.length - 1 ? "…" : duration(stage)}
            </Box>
          </Box>
          <Box sx={{ py: 0.5 }}>
            {stage.logs.map((log) => (
              <Box
                key={log.id}
                data-level={log.log_level}
                sx={{ px: 2, whiteSpace: "pre-wrap", wordBreak: "break-word", color: levelColor[log.log_level] ?? "text.primary" }}
              >
                {log.output}
              </Box>
            ))}
          </Box>
        </Box>
      ))}
      {streaming && stages.length > 0 && (
        <Box sx={{ px: 2, py: 0.75, color: "text.secondary", borderTop: 1, borderColor: "divider" }}>Streaming…</Box>
      )}
    </Box>
  );
}
