import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import * as API from "../api";
import type { CreateFirstUserRequest, LoginWithPasswordRequest, User } from "../types";
import { queryKeys } from "./keys";

export const useBuildInfo = () =>
  useQuery({ queryKey: queryKeys.buildInfo, queryFn: API.getBuildInfo, staleTime: Infinity });

export const useHasFirstUser = (enabled = true) =>
  useQuery({ queryKey: queryKeys.hasFirstUser, queryFn: API.hasFirstUser, staleTime: Infinity, enabled });

export const useAuthMethods = () =>
  useQuery({ queryKey: queryKeys.authMethods, queryFn: API.getAuthMethods, staleTime: 60_000 });

/** The signed-in user; `data === null` means signed out. */
export const useMe = () =>
  useQuery({ queryKey: queryKeys.me, queryFn: API.getAuthenticatedUser, staleTime: 60_000 });

/** Signs in, then loads the user so guarded routes render at once. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (req: LoginWithPasswordRequest) => {
      await API.login(req);
      return API.getAuthenticatedUser();
    },
    onSuccess: (user) => {
      client.setQueryData<User | null>(queryKeys.me, user);
      client.setQueryData(queryKeys.hasFirstUser, true);
    },
  });
}

/** Creates the first user (owner) and signs in as them. */
export function useCreateFirstUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (req: CreateFirstUserRequest) => {
      await API.createFirstUser(req);
      client.setQueryData(queryKeys.hasFirstUser, true);
      await API.login({ email: req.email, password: req.password });
      return API.getAuthenticatedUser();
    },
    onSuccess: (user) => client.setQueryData<User | null>(queryKeys.me, user),
  });
}

/** Signs out; the local cache is dropped whether or not the server call succeeded. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: API.logout,
    onSettled: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== "buildInfo" && q.queryKey[0] !== "hasFirstUser" });
      client.setQueryData<User | null>(queryKeys.me, null);
    },
  });
}

export interface Permissions {
  viewUsers: boolean;
  createUser: boolean;
  updateUsers: boolean;
  deleteUsers: boolean;
  viewDeployment: boolean;
  createTemplates: boolean;
  updateTemplates: boolean;
}

// As in Coder's dashboard, "may view the users page" means "may update users": every member may
// read users (to see who owns what), but only user admins manage them.
const permissionChecks = {
  viewUsers: { object: { resource_type: "user" }, action: "update" },
  createUser: { object: { resource_type: "user" }, action: "create" },
  updateUsers: { object: { resource_type: "user" }, action: "update" },
  deleteUsers: { object: { resource_type: "user" }, action: "delete" },
  viewDeployment: { object: { resource_type: "deployment_config" }, action: "read" },
  createTemplates: { object: { resource_type: "template" }, action: "create" },
  updateTemplates: { object: { resource_type: "template" }, action: "update" },
} as const;

/** What the signed-in user may do, from `POST /authcheck`; falls back to site roles if it fails. */
export function usePermissions(user: User | null | undefined) {
  return useQuery({
    queryKey: queryKeys.permissions(user?.id ?? "none"),
    enabled: !!user,
    staleTime: 60_000,
    queryFn: async (): Promise<Permissions> => {
      try {
        const res = await API.checkAuthorization({ checks: permissionChecks });
        return {
          viewUsers: !!res.viewUsers,
          createUser: !!res.createUser,
          updateUsers: !!res.updateUsers,
          deleteUsers: !!res.deleteUsers,
          viewDeployment: !!res.viewDeployment,
          createTemplates: !!res.createTemplates,
          updateTemplates: !!res.updateTemplates,
        };
      } catch {
        return permissionsFromRoles(user!);
      }
    },
  });
}

export function permissionsFromRoles(user: User): Permissions {
  const roles = new Set(user.roles.map((r) => r.name));
  const owner = roles.has("owner");
  const userAdmin = owner || roles.has("user-admin");
  const templateAdmin = owner || roles.has("template-admin");
  return {
    viewUsers: userAdmin,
    createUser: userAdmin,
    updateUsers: userAdmin,
    deleteUsers: userAdmin,
    viewDeployment: owner,
    createTemplates: templateAdmin,
    updateTemplates: templateAdmin,
  };
}
