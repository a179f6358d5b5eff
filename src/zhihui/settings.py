"""All configuration of zhihui, read from the environment (prefix ``ZHIHUI_``) or a ``.env`` file.

No other module reads environment variables; code asks :func:`get_settings`, tests build ``Settings(...)``.
Nested groups use ``__``: ``ZHIHUI_KB__ANSWER_THRESHOLD_CUSTOMER=0.6``.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SECRET = "dev-only-secret-change-me"


class AuthSettings(BaseModel):
    """Sessions, one-time codes and share links."""

    session_ttl_hours: int = 12
    """Lifetime of a staff or customer session (cookie or bearer token)."""
    otp_ttl_seconds: int = 300
    """How long an SMS one-time code stays valid."""
    otp_max_failures: int = 5
    """Wrong codes allowed for one phone before it is locked."""
    otp_lock_minutes: int = 15
    """How long a phone stays locked after too many wrong codes."""
    otp_resend_seconds: int = 60
    """Minimum interval between two codes sent to one phone."""
    share_link_ttl_hours: int = 72
    """Default lifetime of a link that staff send to a customer."""
    cookie_secure: bool = False
    """Set the Secure flag on session cookies (turn on behind HTTPS)."""


class PiiSettings(BaseModel):
    """Encryption of personal information at rest (AES-256-GCM)."""

    keys: dict[str, SecretStr] = Field(default_factory=dict)
    """Key id -> base64 of a 32-byte key. Old ids stay here after a rotation so old rows still decrypt."""
    active_key_id: str = "k1"
    """The key id used for new writes."""
    hash_key: SecretStr | None = None
    """Key of the keyed hash (HMAC-SHA256) used for exact lookups; never rotated without a re-hash."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ZHIHUI_", env_nested_delimiter="__", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    """``production`` refuses development secrets and keys."""
    data_dir: Path = Path("var")
    """Where the SQLite file, media and uploaded files live."""
    database_url: str | None = None
    """SQLAlchemy async URL; default ``sqlite+aiosqlite:///<data_dir>/zhihui.db``.
    PostgreSQL: ``postgresql+asyncpg://user@host:5432/zhihui``."""
    database_echo: bool = False
    redis_url: str | None = None
    """When set, domain events cross instances through Redis pub/sub and /readyz checks Redis."""
    secret_key: SecretStr = SecretStr(DEV_SECRET)
    """Signs share links and derives development keys; must be set in production."""
    base_url: str = "http://127.0.0.1:8000"
    """Public address used in links sent to customers."""
    log_level: str = "INFO"
    log_json: bool = False
    """JSON log lines (for log shippers) instead of console lines."""
    sms_provider: Literal["outbox"] = "outbox"
    """``outbox`` records messages in a table (shown on /demo/sms) and the log."""
    demo_pages: bool = True
    """Serve demo helpers such as the SMS outbox page; turn off in production."""
    auth: AuthSettings = Field(default_factory=AuthSettings)
    pii: PiiSettings = Field(default_factory=PiiSettings)

    @model_validator(mode="after")
    def _refuse_dev_secrets_in_production(self) -> Settings:
        if self.environment == "production":
            if self.secret_key.get_secret_value() == DEV_SECRET:
                raise ValueError("ZHIHUI_SECRET_KEY must be set in production")
            if not self.pii.keys or self.pii.hash_key is None:
                raise ValueError("ZHIHUI_PII__KEYS and ZHIHUI_PII__HASH_KEY must be set in production")
        return self

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'zhihui.db').resolve()}"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    def pii_key_ring(self) -> dict[str, bytes]:
        """Key id -> raw key; in development a key is derived from the secret so demos just work."""
        if self.pii.keys:
            return {kid: base64.b64decode(k.get_secret_value()) for kid, k in self.pii.keys.items()}
        derived = hashlib.sha256(b"pii-key:" + self.secret_key.get_secret_value().encode()).digest()
        return {self.pii.active_key_id: derived}

    def pii_hash_key(self) -> bytes:
        if self.pii.hash_key is not None:
            return base64.b64decode(self.pii.hash_key.get_secret_value())
        return hashlib.sha256(b"pii-hash:" + self.secret_key.get_secret_value().encode()).digest()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
