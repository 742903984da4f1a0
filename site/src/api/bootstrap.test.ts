import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { primeFromMetaTags, readMetaJSON } from "./bootstrap";
import { queryKeys } from "./queries/keys";

function docWith(buildInfo: string, user: string): Document {
  const doc = document.implementation.createHTMLDocument("t");
  for (const [property, content] of [["build-info", buildInfo], ["user", user]]) {
    const meta = doc.createElement("meta");
    meta.setAttribute("property", property);
    meta.setAttribute("content", content);
    doc.head.appendChild(meta);
  }
  return doc;
}

describe("meta-tag bootstrap", () => {
  it("primes build info and the current user from the server-filled tags", () => {
    const doc = docWith('{"version":"v1.2.3","dashboard_url":"http://x"}', '{"id":"u1","username":"admin","roles":[]}');
    const client = new QueryClient();
    primeFromMetaTags(client, doc);
    expect(client.getQueryData(queryKeys.buildInfo)).toMatchObject({ version: "v1.2.3" });
    expect(client.getQueryData(queryKeys.me)).toMatchObject({ username: "admin" });
    expect(client.getQueryData(queryKeys.hasFirstUser)).toBe(true);
  });

  it("leaves the cache empty when the tags are empty or malformed", () => {
    const client = new QueryClient();
    primeFromMetaTags(client, docWith("", "{not json"));
    expect(client.getQueryData(queryKeys.buildInfo)).toBeUndefined();
    expect(client.getQueryData(queryKeys.me)).toBeUndefined();
    expect(readMetaJSON("missing", docWith("", ""))).toBeUndefined();
  });
});
