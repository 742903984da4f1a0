import type { UsersRequest } from "../types";

export const queryKeys = {
  buildInfo: ["buildInfo"] as const,
  hasFirstUser: ["hasFirstUser"] as const,
  authMethods: ["authMethods"] as const,
  me: ["me"] as const,
  permissions: (userId: string) => ["permissions", userId] as const,
  users: (req: UsersRequest) => ["users", req] as const,
  allUsers: ["users"] as const,
  assignableRoles: ["assignableRoles"] as const,
  tokens: (user: string) => ["tokens", user] as const,
  tokenConfig: (user: string) => ["tokenConfig", user] as const,
  gitSSHKey: (user: string) => ["gitSSHKey", user] as const,
  organizations: ["organizations"] as const,
  workspaces: (q: string) => ["workspaces", q] as const,
  templates: ["templates"] as const,
  healthz: ["healthz"] as const,
};
