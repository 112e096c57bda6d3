import { describe, expect, it } from "vitest";
import { fullId, KB_NAMESPACE, shortId } from "./ids";

describe("ids in URLs", () => {
  it("drops the knowledge base's namespace and puts it back", () => {
    expect(shortId(`${KB_NAMESPACE}pred-stage-7`)).toBe("pred-stage-7");
    expect(fullId("pred-stage-7")).toBe(`${KB_NAMESPACE}pred-stage-7`);
  });

  it("keeps any other IRI whole", () => {
    const other = "https://example.org/kb/persp-x";
    expect(shortId(other)).toBe(other);
    expect(fullId(other)).toBe(other);
    expect(fullId("urn:isbn:123")).toBe("urn:isbn:123");
  });
});
