"""Personal information: encryption at rest, keyed hashes for lookup, masking for display and logs.

ID numbers, phones and bank accounts (and face data) are stored with :class:`EncryptedString`
(AES-256-GCM, ``<key id>$<base64 nonce+ciphertext>``) beside a :func:`lookup_hash` column for exact
matches. Keys come from settings; the key id is stored so old rows still decrypt after a rotation
(``zhihui pii rotate`` re-encrypts them with the active key).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import LargeBinary, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from zhihui.settings import Settings


@dataclass
class _KeyRing:
    keys: dict[str, bytes]
    active: str
    hash_key: bytes


_ring: _KeyRing | None = None


def configure(settings: Settings) -> None:
    """Load the key ring; called once by ``create_app`` and by the CLI."""
    global _ring
    keys = settings.pii_key_ring()
    active = settings.pii.active_key_id
    if active not in keys:
        raise ValueError(f"active PII key id {active!r} is not in the key ring")
    for kid, key in keys.items():
        if len(key) != 32:
            raise ValueError(f"PII key {kid!r} must be 32 bytes (base64 of 32 random bytes)")
    _ring = _KeyRing(keys=keys, active=active, hash_key=settings.pii_hash_key())


def _keyring() -> _KeyRing:
    if _ring is None:
        raise RuntimeError("platform.pii.configure(settings) was not called")
    return _ring


def encrypt_bytes(plain: bytes) -> bytes:
    ring = _keyring()
    nonce = os.urandom(12)
    sealed = AESGCM(ring.keys[ring.active]).encrypt(nonce, plain, None)
    return ring.active.encode() + b"$" + nonce + sealed


def decrypt_bytes(blob: bytes) -> bytes:
    ring = _keyring()
    kid, _, rest = blob.partition(b"$")
    return AESGCM(ring.keys[kid.decode()]).decrypt(rest[:12], rest[12:], None)


def encrypt(plain: str) -> str:
    ring = _keyring()
    nonce = os.urandom(12)
    sealed = AESGCM(ring.keys[ring.active]).encrypt(nonce, plain.encode(), None)
    return f"{ring.active}${base64.b64encode(nonce + sealed).decode()}"


def decrypt(token: str) -> str:
    ring = _keyring()
    kid, _, body = token.partition("$")
    raw = base64.b64decode(body)
    return AESGCM(ring.keys[kid]).decrypt(raw[:12], raw[12:], None).decode()


def key_id_of(token: str) -> str:
    return token.partition("$")[0]


def lookup_hash(value: str) -> str:
    """Keyed hash for exact lookup of a normalised value (no spaces, upper case)."""
    normalised = re.sub(r"\s", "", value).upper()
    return hmac.new(_keyring().hash_key, normalised.encode(), hashlib.sha256).hexdigest()


class EncryptedString(TypeDecorator[str]):
    """A text column holding AES-GCM ciphertext; Python sees the clear value."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else encrypt(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else decrypt(value)


class EncryptedBytes(TypeDecorator[bytes]):
    """Binary column for face templates and photos, encrypted like :class:`EncryptedString`."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        return None if value is None else encrypt_bytes(value)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        return None if value is None else decrypt_bytes(value)


# --- masking -------------------------------------------------------------------------------------------


def mask_id_number(value: str | None) -> str:
    """``110101199003071234`` -> ``1101**********1234``."""
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str | None) -> str:
    """``13812345678`` -> ``138****5678``."""
    if not value:
        return ""
    if len(value) < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_account(value: str | None) -> str:
    """``6222021234567890123`` -> ``****0123``."""
    if not value:
        return ""
    return "****" + value[-4:]


def mask_name(value: str | None) -> str:
    """``张三丰`` -> ``张*丰``; two characters -> ``张*``."""
    if not value:
        return ""
    if len(value) == 1:
        return value
    if len(value) == 2:
        return value[0] + "*"
    return value[0] + "*" * (len(value) - 2) + value[-1]


# Safety net for log lines: anything shaped like an ID number, a mobile or a card number is masked
# even if a developer forgot to mask it explicitly.
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
_PHONE_IN_TEXT = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
_ACCOUNT_IN_TEXT = re.compile(r"(?<!\d)(\d{8,15})(\d{4})(?!\d)")


def redact_text(text: str) -> str:
    text = _ID_IN_TEXT.sub(lambda m: m.group(1)[:4] + "*" * 10 + m.group(3)[-4:], text)
    text = _PHONE_IN_TEXT.sub(lambda m: m.group(1) + "****" + m.group(3), text)
    return _ACCOUNT_IN_TEXT.sub(lambda m: "****" + m.group(2), text)


def redact(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, dict):
        return {k: redact(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(redact(v) for v in value)
    return value
