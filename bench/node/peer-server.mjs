// The benchmark peer (issue #5): @neo4j/graphql over the same Neo4j as the smekg API.
//
// Server: @apollo/server's startStandaloneServer, because it is what the @neo4j/graphql
// README and getting-started guide use, i.e. what a JavaScript team would start from (yoga
// would do as well; nothing here needs its extras). It answers POST /graphql (it serves every
// path; /graphql is the one we use) with Content-Type: application/json (Apollo's CSRF
// prevention refuses other simple requests). Read-only: the type definitions generate no
// mutations, and nothing here creates or alters constraints or indexes (no
// assertIndexesAndConstraints). No per-request logging. neo4j-driver 6 sets TCP_NODELAY (5.x
// does not, which costs ~40 ms per long query on loopback); see docs/decisions/0006.
//
// Env: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (default neo4j), PEER_PORT.
// Prints exactly "peer ready on <port>" when listening.

import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

function fail(message) {
    process.stderr.write(`peer-server: ${String(message).split("\n")[0]}\n`);
    process.exit(1);
}

const env = process.env;
const missing = ["NEO4J_URI", "PEER_PORT"].filter((k) => !env[k]);
if (missing.length) fail(`missing environment variable(s): ${missing.join(", ")}`);
const port = Number(env.PEER_PORT);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`bad PEER_PORT: ${env.PEER_PORT}`);
const database = env.NEO4J_DATABASE || "neo4j";

let driver;
try {
    const auth = neo4j.auth.basic(env.NEO4J_USER || "neo4j", env.NEO4J_PASSWORD || "");
    driver = neo4j.driver(env.NEO4J_URI, auth);
    await driver.verifyConnectivity({ database });
} catch (error) {
    fail(`cannot reach Neo4j at ${env.NEO4J_URI}: ${error.message}`);
}

const typeDefs = readFileSync(new URL("./typedefs.graphql", import.meta.url), "utf8");
let schema;
try {
    schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
} catch (error) {
    fail(`bad type definitions: ${error.message}`);
}

const server = new ApolloServer({ schema });
// startStandaloneServer does not catch the HTTP server's "error" event (EADDRINUSE...).
const listenFailed = (error) => fail(`cannot listen on 127.0.0.1:${port}: ${error.message}`);
process.once("uncaughtException", listenFailed);
try {
    await startStandaloneServer(server, {
        listen: { host: "127.0.0.1", port },
        context: async () => ({ sessionConfig: { database } }),
    });
} catch (error) {
    listenFailed(error);
}
process.off("uncaughtException", listenFailed);
process.stdout.write(`peer ready on ${port}\n`);

async function stop() {
    await server.stop();
    await driver.close();
    process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
