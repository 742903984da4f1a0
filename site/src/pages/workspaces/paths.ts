export const workspacePath = (owner: string, name: string) => `/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
