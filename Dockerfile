# The API image used by docker-compose.yml (loads ontology/ into Neo4j, then serves GraphQL).
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
EXPOSE 8000
CMD ["python", "-m", "api"]
