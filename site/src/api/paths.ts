// API paths that several calls share. Pure functions, so tests that mock ./api keep them.

export type JobLogsPath = `/templateversions/${string}/logs` | `/workspacebuilds/${string}/logs`;

export const templateVersionLogsPath = (versionId: string): JobLogsPath => `/templateversions/${encodeURIComponent(versionId)}/logs`;
export const workspaceBuildLogsPath = (buildId: string): JobLogsPath => `/workspacebuilds/${encodeURIComponent(buildId)}/logs`;
