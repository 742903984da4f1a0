import type { QueryClient } from "@tanstack/react-query";
import type { BuildInfoResponse, User } from "./types";
import { queryKeys } from "./queries/keys";

/**
 * Reads the JSON that coderd writes into `<meta property="...">` when it serves index.html.
 * Empty or unparsable content (e.g. under `npm run dev`) yields undefined, and the queries fetch.
 */
export function readMetaJSON<T>(property: string, doc: Document = document): T | undefined {
  const content = doc.querySelector(`meta[property="${property}"]`)?.getAttribute("content")?.trim();
  if (!content) return undefined;
  try {
    return JSON.parse(content) as T;
  } catch {
    return undefined;
  }
}

/** Seeds the query cache from the page's meta tags so the first render needs no round trip. */
export function primeFromMetaTags(client: QueryClient, doc: Document = document): void {
  const buildInfo = readMetaJSON<BuildInfoResponse>("build-info", doc);
  if (buildInfo?.version) client.setQueryData(queryKeys.buildInfo, buildInfo);
  const user = readMetaJSON<User>("user", doc);
  if (user?.id) {
    client.setQueryData(queryKeys.me, user);
    // A signed-in user means setup is done.
    client.setQueryData(queryKeys.hasFirstUser, true);
  }
}
