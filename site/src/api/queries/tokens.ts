import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import * as API from "../api";
import type { CreateTokenRequest } from "../types";
import { queryKeys } from "./keys";

export const useTokens = (user = "me") =>
  useQuery({ queryKey: queryKeys.tokens(user), queryFn: () => API.getTokens(user) });

export const useTokenConfig = (user = "me") =>
  useQuery({ queryKey: queryKeys.tokenConfig(user), queryFn: () => API.getTokenConfig(user), staleTime: 300_000 });

export function useCreateToken(user = "me") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (req: CreateTokenRequest) => API.createToken(user, req),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens(user) }),
  });
}

export function useDeleteToken(user = "me") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => API.deleteToken(user, keyId),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens(user) }),
  });
}

export const useGitSSHKey = (user = "me") =>
  useQuery({ queryKey: queryKeys.gitSSHKey(user), queryFn: () => API.getGitSSHKey(user) });

export function useRegenerateGitSSHKey(user = "me") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => API.regenerateGitSSHKey(user),
    onSuccess: (key) => client.setQueryData(queryKeys.gitSSHKey(user), key),
  });
}
