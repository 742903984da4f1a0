import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import * as API from "../api";
import type { CreateUserRequest, UpdateUserPasswordRequest, UpdateUserProfileRequest, User, UsersRequest } from "../types";
import { queryKeys } from "./keys";

export const useUsers = (req: UsersRequest) =>
  useQuery({
    queryKey: queryKeys.users(req),
    queryFn: () => API.getUsers(req),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useAssignableRoles = (enabled = true) =>
  useQuery({ queryKey: queryKeys.assignableRoles, queryFn: API.getAssignableRoles, staleTime: 300_000, enabled });

export const useOrganizations = () =>
  useQuery({ queryKey: queryKeys.organizations, queryFn: API.getOrganizations, staleTime: 300_000 });

/** Every user mutation refreshes the lists (and the signed-in user when it is the target). */
function useUserMutation<TVars>(fn: (vars: TVars) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.allUsers }),
  });
}

export const useCreateUser = () => useUserMutation((req: CreateUserRequest) => API.createUser(req));
export const useSuspendUser = () => useUserMutation((user: User) => API.suspendUser(user.id));
export const useActivateUser = () => useUserMutation((user: User) => API.activateUser(user.id));
export const useDeleteUser = () => useUserMutation((user: User) => API.deleteUser(user.id));
export const useUpdateUserRoles = () =>
  useUserMutation(({ user, roles }: { user: User; roles: string[] }) => API.updateUserRoles(user.id, roles));

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (req: UpdateUserProfileRequest) => API.updateProfile("me", req),
    onSuccess: (user) => {
      client.setQueryData(queryKeys.me, user);
      void client.invalidateQueries({ queryKey: queryKeys.allUsers });
    },
  });
}

export const useUpdatePassword = () =>
  useMutation({ mutationFn: (req: UpdateUserPasswordRequest) => API.updatePassword("me", req) });
