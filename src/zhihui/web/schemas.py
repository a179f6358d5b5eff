"""Request and response shapes of sign-in."""

from __future__ import annotations

from pydantic import BaseModel, Field

from zhihui.platform.validators import MobilePhone


class TokenRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=128)


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
    subject_kind: str
    role: str | None = None


class CodeRequest(BaseModel):
    phone: MobilePhone


class CodeSent(BaseModel):
    sent: bool = True
    expires_in: int


class CustomerTokenRequest(BaseModel):
    phone: MobilePhone
    code: str = Field(pattern=r"^\s*\d{6}\s*$")


class MeOut(BaseModel):
    kind: str
    id: int
    role: str | None
    display_name: str
    permissions: list[str]
