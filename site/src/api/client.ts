import type { Response as CoderResponse, ValidationError } from "./types";

/** An API failure carrying Coder's error body: message, optional detail and field validations. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail?: string;
  readonly validations: ValidationError[];

  constructor(status: number, body: CoderResponse) {
    super(body.message || `Request failed with status ${status}.`);
    this.name = "ApiError";
    this.status = status;
    this.detail = body.detail;
    this.validations = body.validations ?? [];
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** The validation detail for one request field, if the server reported one. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  return error.validations.find((v) => v.field === field)?.detail;
}

/** Reads one cookie readable by scripts (the CSRF cookie is; the session cookie is HttpOnly). */
export function readCookie(name: string): string | undefined {
  if (typeof document === "undefined") return undefined;
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

export const CSRF_COOKIE = "csrf_token";
export const CSRF_HEADER = "X-CSRF-TOKEN";

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Sends a file or bytes as they are (e.g. a template archive) with this content type. */
  raw?: { body: Blob | ArrayBuffer; contentType: string };
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
}

/**
 * Calls `/api/v2{path}` with the browser's session cookie. Mutations carry the CSRF header that
 * mirrors the `csrf_token` cookie. Non-2xx answers become an {@link ApiError}; an empty body
 * (204) resolves to undefined.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.raw) headers["Content-Type"] = options.raw.contentType;
  else if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  let url = `/api/v2${path}`;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined && value !== "") params.set(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  let res: globalThis.Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: options.raw ? options.raw.body : options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, {
      message: "Could not reach the server.",
      detail: cause instanceof Error ? cause.message : String(cause),
    });
  }
  // 304 Not Modified (e.g. a PATCH that changed nothing) carries no body and is not a failure.
  if (res.status === 304) return undefined as T;
  const text = await res.text();
  if (!res.ok) throw new ApiError(res.status, parseErrorBody(res, text));
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, {
      message: "The server sent a response that is not valid JSON.",
      detail: text.slice(0, 200),
    });
  }
}

function parseErrorBody(res: globalThis.Response, text: string): CoderResponse {
  const type = res.headers.get("Content-Type") ?? "";
  if (text && type.includes("json")) {
    try {
      const body = JSON.parse(text) as Partial<CoderResponse>;
      if (typeof body.message === "string") return body as CoderResponse;
    } catch {
      // fall through to the plain-text shape
    }
  }
  return {
    message: res.statusText ? `${res.status} ${res.statusText}` : `Request failed with status ${res.status}.`,
    detail: text ? text.slice(0, 500) : undefined,
  };
}

/** The WebSocket URL of an API path on this origin (the session cookie goes along). */
export function websocketUrl(path: string, query: Record<string, string | number | boolean | undefined> = {}): string {
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === false) continue;
    // Presence flags (`follow`) are sent bare, as Coder's clients do.
    parts.push(value === true ? encodeURIComponent(key) : `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return `${protocol}//${window.location.host}/api/v2${path}${parts.length ? `?${parts.join("&")}` : ""}`;
}
