"""Configuration from environment variables (and an optional .env file)."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting has an environment variable of the same name in upper case."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    neo4j_uri: str = Field(default="bolt://127.0.0.1:7687", description="bolt:// or neo4j:// URI")
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    smekg_ontology_dir: Path = Path("ontology")
    smekg_sources_dir: Path = Path("../shared/seeds")
    smekg_max_depth: int = 10
    smekg_max_aliases: int = 30
    smekg_max_tokens: int = 2000
    smekg_max_page_size: int = 100
    smekg_max_table_cells: int = Field(
        default=2500, ge=1, description="largest comparison table (columns x rows) served"
    )
    smekg_retry_seconds: float = 2.0
    smekg_cache_size: int = 512
    smekg_curator: str = Field(
        default="", description="your name: every contribution you import names its curator"
    )
    smekg_curator_orcid: str = Field(default="", description="your ORCID iD (https://orcid.org/…)")
    smekg_version_ttl: float = Field(
        default=1.0, ge=0, description="seconds a read knowledge-base version is trusted"
    )
    smekg_compiled_queries: bool = Field(
        default=True, description="answer common GraphQL shapes by one compiled statement"
    )
    smekg_workers: int = Field(default=1, ge=1, description="API worker processes")
    smekg_swap_wait: float = Field(
        default=10.0, ge=0, description="seconds a reader waits for a knowledge-base swap"
    )
    smekg_max_body: int = Field(
        default=1_048_576, ge=1024, description="largest request body in bytes (413 beyond)"
    )
    smekg_max_header_bytes: int = Field(
        default=16_384, ge=1024, description="largest request head: names and values, in bytes"
    )
    smekg_max_headers: int = Field(default=64, ge=8, description="most request header lines")
    smekg_max_json_depth: int = Field(
        default=32, ge=2, description="deepest nesting of a JSON request body"
    )
    smekg_cache_bytes: int = Field(
        default=64 * 1024 * 1024, ge=0, description="bytes the response cache may hold"
    )
    smekg_outage_backoff: float = Field(
        default=1.0,
        gt=0,
        description="seconds an unreachable Neo4j is not asked again (answers are 503 at once)",
    )
    smekg_read_timeout: float = Field(
        default=15.0, gt=0, description="seconds one read may take before it is answered 503"
    )
    smekg_cors_origins: str = Field(
        default="", description="origins allowed cross-origin requests, comma-separated (off)"
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
