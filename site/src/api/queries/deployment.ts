import { useQuery } from "@tanstack/react-query";
import * as API from "../api";
import { queryKeys } from "./keys";

export const useHealthz = () =>
  useQuery({ queryKey: queryKeys.healthz, queryFn: API.getHealthz, refetchInterval: 30_000 });

export const useWorkspaces = (q: string) =>
  useQuery({ queryKey: queryKeys.workspaces(q), queryFn: () => API.getWorkspaces(q), retry: false });

export const useTemplates = () =>
  useQuery({ queryKey: queryKeys.templates, queryFn: API.getTemplates, retry: false });
