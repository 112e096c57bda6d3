import { describe, expect, it } from "vitest";
import { classify, retryDelay } from "./client";

describe("API failures", () => {
  it("takes a 503 or SERVICE_UNAVAILABLE for an unavailable database, which is retried", () => {
    const byStatus = classify(503, { errors: [{ message: "Neo4j is unavailable" }] });
    expect(byStatus?.kind).toBe("unavailable");
    expect(byStatus?.retryable).toBe(true);
    const byCode = classify(200, { errors: [{ message: "x", extensions: { code: "SERVICE_UNAVAILABLE" } }] });
    expect(byCode?.kind).toBe("unavailable");
    expect(classify(503, null)?.kind).toBe("unavailable");
  });

  it("tells an unknown id and bad input from other errors, none retried", () => {
    const notFound = classify(200, { data: null, errors: [{ message: "no such", extensions: { code: "NOT_FOUND" } }] });
    expect(notFound?.kind).toBe("not-found");
    expect(notFound?.retryable).toBe(false);
    expect(classify(200, { errors: [{ message: "m", extensions: { code: "BAD_USER_INPUT" } }] })?.kind).toBe(
      "bad-input",
    );
    expect(classify(200, { errors: [{ message: "Unexpected error." }] })?.kind).toBe("other");
    expect(classify(500, null)?.kind).toBe("other");
    expect(classify(200, { data: null })?.kind).toBe("other");
  });

  it("names the request id of an unexpected error, for a report", () => {
    const internal = classify(200, {
      errors: [{ message: "Unexpected error.", extensions: { code: "INTERNAL", requestId: "4f2a9c" } }],
    });
    expect(internal?.kind).toBe("other");
    expect(internal?.message).toBe("Unexpected error. Request id 4f2a9c (the API's log has the details).");
  });

  it("accepts data without errors", () => {
    expect(classify(200, { data: { themes: [] } })).toBeNull();
  });

  it("backs off 1, 2, 4, 8 and then 10 seconds", () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelay)).toEqual([1, 2, 4, 8, 10, 10]);
  });
});
