import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import * as API from "../api";
import type { JobLogsPath } from "../paths";
import type { ProvisionerJobLog } from "../types";
import { queryKeys } from "./keys";

export interface JobLogs {
  logs: ProvisionerJobLog[];
  /** True while the WebSocket follows a running job. */
  streaming: boolean;
  error?: string;
  isPending: boolean;
}

/**
 * A provisioner job's logs. A finished job's logs are fetched once; a live job's logs are followed
 * over a WebSocket from the first line, and `onDone` runs when the server closes the stream (the
 * job ended), so the caller can refresh the job's status.
 */
export function useJobLogs(path: JobLogsPath | undefined, live: boolean, onDone?: () => void): JobLogs {
  const stored = useQuery({
    queryKey: queryKeys.jobLogs(path ?? ""),
    queryFn: () => API.getJobLogs(path!),
    enabled: !!path && !live,
  });
  const client = useQueryClient();
  const [followed, setFollowed] = useState<{ path?: string; logs: ProvisionerJobLog[]; streaming: boolean; error?: string }>({
    logs: [],
    streaming: false,
  });

  useEffect(() => {
    if (!path || !live) return;
    const seen = new Set<number>();
    const buffer: ProvisionerJobLog[] = [];
    let frame = 0;
    // Lines arrive in bursts; render at most once per animation frame.
    const flush = () => {
      frame = 0;
      setFollowed((prev) => ({ ...prev, path, logs: [...buffer] }));
    };
    setFollowed({ path, logs: [], streaming: true });
    const follower = API.followJobLogs(path, undefined, {
      onLog: (log) => {
        if (seen.has(log.id)) return;
        seen.add(log.id);
        buffer.push(log);
        if (!frame) frame = requestAnimationFrame(flush);
      },
      onDone: () => {
        if (frame) cancelAnimationFrame(frame);
        frame = 0;
        client.setQueryData(queryKeys.jobLogs(path), [...buffer]);
        setFollowed({ path, logs: [...buffer], streaming: false });
        onDone?.();
      },
      onError: (message) => setFollowed((prev) => ({ ...prev, path, streaming: false, error: message })),
    });
    return () => {
      if (frame) cancelAnimationFrame(frame);
      follower.close();
    };
    // onDone is a callback from the caller; following restarts only when the job or its liveness changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, live, client]);

  if (live) {
    return {
      logs: followed.path === path ? followed.logs : [],
      streaming: live && followed.streaming,
      error: followed.path === path ? followed.error : undefined,
      isPending: false,
    };
  }
  return {
    logs: stored.data ?? [],
    streaming: false,
    error: stored.error ? (stored.error as Error).message : undefined,
    isPending: stored.isPending && !!path,
  };
}
