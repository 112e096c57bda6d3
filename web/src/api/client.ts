// POST a typed GraphQL document to the API's own origin and sort failures into the kinds
// the views tell apart: the database is unavailable (HTTP 503 / SERVICE_UNAVAILABLE, or the
// API cannot be reached: both are retried), an unknown id, bad input, anything else.
import { print } from "@0no-co/graphql.web";
import type { TadaDocumentNode } from "./graphql";

export type FailureKind = "unavailable" | "unreachable" | "not-found" | "bad-input" | "other";

export class ApiError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get retryable(): boolean {
    return this.kind === "unavailable" || this.kind === "unreachable";
  }
}

interface GraphQLErrorBody {
  message?: string;
  extensions?: { code?: string; requestId?: string };
}

interface Body<R> {
  data?: R | null;
  errors?: GraphQLErrorBody[];
}

const CODES: Record<string, FailureKind> = {
  SERVICE_UNAVAILABLE: "unavailable",
  NOT_FOUND: "not-found",
  BAD_USER_INPUT: "bad-input",
};

/** The failure a response stands for, or null when it carries data and no error. */
export function classify(status: number, body: Body<unknown> | null): ApiError | null {
  const first = body?.errors?.[0];
  const kind = first?.extensions?.code ? CODES[first.extensions.code] : undefined;
  if (status === 503 || kind === "unavailable") {
    return new ApiError("unavailable", first?.message ?? "The database is unavailable.", status);
  }
  if (first) return new ApiError(kind ?? "other", errorMessage(first), status);
  if (status < 200 || status >= 300 || !body || body.data == null) {
    return new ApiError("other", `The API answered HTTP ${status}.`, status);
  }
  return null;
}

/** An error's message; an unexpected one (INTERNAL) names its request id, for a report. */
function errorMessage(error: GraphQLErrorBody): string {
  const message = error.message ?? "The API answered with an error.";
  const id = error.extensions?.requestId;
  return id ? `${message} Request id ${id} (the API's log has the details).` : message;
}

const texts = new WeakMap<object, string>();

/** A document's text as sent (its fragments included), printed once. */
export function documentText(document: TadaDocumentNode<unknown, never>): string {
  let text = texts.get(document);
  if (text === undefined) {
    text = print(document);
    texts.set(document, text);
  }
  return text;
}

export async function request<R, V>(document: TadaDocumentNode<R, V>, variables: V, signal?: AbortSignal): Promise<R> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ query: documentText(document as TadaDocumentNode<unknown, never>), variables }),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError("unreachable", "The API cannot be reached.");
  }
  let body: Body<R> | null = null;
  try {
    body = (await response.json()) as Body<R>;
  } catch {
    body = null;
  }
  const failure = classify(response.status, body);
  if (failure) throw failure;
  return body?.data as R;
}

/** Seconds to wait before retry number `attempt` (1, 2, 4, 8, then every 10 s). */
export function retryDelay(attempt: number): number {
  return Math.min(10, 2 ** Math.max(0, attempt - 1));
}
