// Bounded HTTP load for the benchmarks (bench/query_bench.py runs it): a fixed number of
// identical POSTs over loopback from N keep-alive connections. A response counts as an
// error when it is not HTTP 200 or its body holds a GraphQL "errors" member.
// Usage: node load.mjs '{"url": "...", "body": "...", "amount": 5000, "connections": 8}'
// Prints one JSON object: requests, seconds, requestsPerSecond, errors, latency (ms).
// seconds runs from the start to the last response: autocannon's own duration ends on its
// one-second sampling tick (a run's seconds came out as n + 0.02).
import autocannon from "autocannon";

const spec = JSON.parse(process.argv[2] ?? "{}");
if (!spec.url || !spec.body || !spec.amount || !spec.connections) {
  process.stderr.write("load.mjs: need a JSON argument with url, body, amount, connections\n");
  process.exit(2);
}

const started = performance.now();
let lastResponse = started;
const result = await new Promise((resolve, reject) => {
  const instance = autocannon(
    {
      url: spec.url,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: spec.body,
      amount: spec.amount,
      connections: spec.connections,
      timeout: spec.timeoutSeconds ?? 30,
      expectBody: undefined,
      verifyBody: (body) => !body.includes('"errors"'),
    },
    (error, finished) => (error ? reject(error) : resolve(finished)),
  );
  instance.on("response", () => {
    lastResponse = performance.now();
  });
});
const seconds = (lastResponse - started) / 1000;

const errors = result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0);
process.stdout.write(
  JSON.stringify({
    requests: result.requests.total,
    seconds,
    requestsPerSecond: result.requests.total / seconds,
    errors,
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  }) + "\n",
);
