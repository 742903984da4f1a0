import { describe, expect, it } from "vitest";
import { ApiError } from "./api/client";
import { queryKeys } from "./api/queries/keys";
import { createQueryClient } from "./App";
import { owner } from "./testing/render";

describe("query client", () => {
  it("forgets the signed-in user when any request answers 401", async () => {
    const client = createQueryClient();
    client.setQueryData(queryKeys.me, owner);
    await client
      .fetchQuery({
        queryKey: ["tokens", "me"],
        retry: false,
        queryFn: () => Promise.reject(new ApiError(401, { message: "You are signed out or your session has expired." })),
      })
      .catch(() => undefined);
    expect(client.getQueryData(queryKeys.me)).toBeNull();
  });

  it("keeps the user on other errors", async () => {
    const client = createQueryClient();
    client.setQueryData(queryKeys.me, owner);
    await client
      .fetchQuery({ queryKey: ["x"], retry: false, queryFn: () => Promise.reject(new ApiError(403, { message: "Forbidden." })) })
      .catch(() => undefined);
    expect(client.getQueryData(queryKeys.me)).toEqual(owner);
  });
});
