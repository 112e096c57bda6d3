// A typed query's state for a view: loading, data, a failure, or "retrying" while the
// database is unavailable (retried with back-off until it answers; the view says so).
import { useEffect, useRef, useState } from "react";
import { ApiError, documentText, request, retryDelay } from "./client";
import type { TadaDocumentNode } from "./graphql";

export type QueryState<R> =
  | { status: "loading" }
  | { status: "retrying"; error: ApiError; attempt: number; seconds: number }
  | { status: "error"; error: ApiError; retry: () => void }
  | { status: "ok"; data: R; stale?: boolean };

const answers = new Map<string, unknown>();
const KEEP = 64;

function remember(key: string, data: unknown): void {
  answers.delete(key);
  answers.set(key, data);
  if (answers.size > KEEP) answers.delete(answers.keys().next().value as string);
}

export interface QueryOptions {
  /** Do not request (yet). */
  skip?: boolean;
  /** While the next answer loads, keep showing the last one (marked stale). */
  keepPrevious?: boolean;
}

export function useQuery<R, V>(
  document: TadaDocumentNode<R, V>,
  variables: V,
  { skip = false, keepPrevious = false }: QueryOptions = {},
): QueryState<R> {
  const key = JSON.stringify([documentText(document as TadaDocumentNode<unknown, never>), variables]);
  const cached = answers.get(key) as R | undefined;
  const [state, setState] = useState<{ key: string; value: QueryState<R> }>({
    key,
    value: cached === undefined ? { status: "loading" } : { status: "ok", data: cached },
  });
  const [run, setRun] = useState(0);

  useEffect(() => {
    if (skip) return undefined;
    const hit = answers.get(key) as R | undefined;
    if (hit !== undefined) {
      setState({ key, value: { status: "ok", data: hit } });
      return undefined;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    setState({ key, value: { status: "loading" } });

    const attemptOnce = async (): Promise<void> => {
      try {
        const data = await request(document, variables, controller.signal);
        remember(key, data);
        setState({ key, value: { status: "ok", data } });
      } catch (error) {
        if (controller.signal.aborted) return;
        const failure = error instanceof ApiError ? error : new ApiError("other", String(error));
        if (failure.retryable) {
          attempt += 1;
          const seconds = retryDelay(attempt);
          setState({ key, value: { status: "retrying", error: failure, attempt, seconds } });
          timer = setTimeout(() => void attemptOnce(), seconds * 1000);
          return;
        }
        setState({ key, value: { status: "error", error: failure, retry: () => setRun((n) => n + 1) } });
      }
    };
    void attemptOnce();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [key, run, skip]); // `key` stands for document and variables

  const last = useRef<R | undefined>(undefined);
  const value: QueryState<R> =
    state.key === key ? state.value : cached === undefined ? { status: "loading" } : { status: "ok", data: cached };
  if (value.status === "ok") last.current = value.data;
  if (value.status === "loading" && keepPrevious && last.current !== undefined) {
    return { status: "ok", data: last.current, stale: true };
  }
  return value;
}
