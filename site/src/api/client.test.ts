import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, fieldError, request } from "./client";

function mockFetch(status: number, body: string, contentType = "application/json") {
  const fn = vi.fn(async () => new Response(status === 204 ? null : body, { status, headers: { "Content-Type": contentType } }));
  vi.stubGlobal("fetch", fn);
  return fn;
}

describe("request", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.cookie = "csrf_token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
  });

  it("sends the CSRF cookie's value as X-CSRF-TOKEN on mutations only", async () => {
    document.cookie = "csrf_token=t0k3n%2B; path=/";
    const fetch = mockFetch(200, "{}");
    await request("/users/me");
    await request("/users", { method: "POST", body: { username: "a" } });
    const [getInit, postInit] = fetch.mock.calls.map((c) => (c as unknown as [string, RequestInit])[1]);
    expect((getInit.headers as Record<string, string>)["X-CSRF-TOKEN"]).toBeUndefined();
    expect((postInit.headers as Record<string, string>)["X-CSRF-TOKEN"]).toBe("t0k3n+");
    expect(postInit.body).toBe('{"username":"a"}');
    expect(postInit.credentials).toBe("same-origin");
  });

  it("builds query strings and skips empty values", async () => {
    const fetch = mockFetch(200, '{"users":[],"count":0}');
    await request("/users", { query: { q: "status:active role:owner", limit: 25, offset: 0, after_id: undefined } });
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe("/api/v2/users?q=status%3Aactive+role%3Aowner&limit=25&offset=0");
  });

  it("turns Coder's error shape into an ApiError", async () => {
    mockFetch(400, JSON.stringify({ message: "Validation failed.", detail: "d", validations: [{ field: "email", detail: "bad" }] }));
    const error = await request("/users", { method: "POST", body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe("Validation failed.");
    expect((error as ApiError).detail).toBe("d");
    expect(fieldError(error, "email")).toBe("bad");
    expect(fieldError(error, "username")).toBeUndefined();
  });

  it("wraps plain-text errors as detail", async () => {
    mockFetch(502, "upstream down", "text/plain");
    const error = (await request("/buildinfo").catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.detail).toBe("upstream down");
  });

  it("resolves empty 204 bodies to undefined", async () => {
    mockFetch(204, "");
    await expect(request("/users/me/keys/x", { method: "DELETE" })).resolves.toBeUndefined();
  });
});
