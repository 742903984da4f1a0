import { useQuery } from "@tanstack/react-query";
import * as API from "../api";
import { queryKeys } from "./keys";

export const useHealthz = () =>
  useQuery({ queryKey: queryKeys.healthz, queryFn: API.getHealthz, refetchInterval: 30_000 });
