# The API image used by docker-compose.yml. A Node stage builds the web app with the same
# script as `make web` (scripts/web.sh); the Python stage loads ontology/ into Neo4j and
# serves GraphQL, the exports and the built app (web/dist) on port 8000.
# tests/test_dockerfile.py runs the Node stage's steps and checks the Python stage's inputs.
FROM node:20-slim AS web
WORKDIR /app
COPY web/package.json web/package-lock.json web/.npmrc web/
COPY scripts/web.sh scripts/
RUN scripts/web.sh deps
COPY web web
COPY api/schema.graphql api/
RUN scripts/web.sh build

FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY loaders loaders
COPY api api
COPY queries queries
COPY smekg smekg
COPY ingest ingest
COPY commands commands
COPY ontology ontology
RUN pip install --no-cache-dir .
COPY --from=web /app/web/dist web/dist
EXPOSE 8000
CMD ["python", "-m", "api"]
