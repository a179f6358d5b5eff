"""Staff and customer sign-in sessions, password hashing, roles and the one permission table.

A session is a random token whose SHA-256 is stored in ``auth_session``; pages carry it in an HttpOnly
cookie, API clients as ``Authorization: Bearer``. Both resolve through :func:`resolve_token`, so
revocation and expiry work the same for both and on every instance.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.platform import audit
from zhihui.platform.actor import Actor
from zhihui.platform.clock import now
from zhihui.platform.errors import Conflict, PlatformError, Unauthorized, register_messages
from zhihui.platform.models import AuthSession, StaffUser

SESSION_COOKIE = "zhihui_session"
_hasher = PasswordHasher()


class Role(StrEnum):
    ADMIN = "admin"
    ONLINE_AGENT = "online_agent"  # 在线坐席
    CLOUD_TELLER = "cloud_teller"  # 云柜员
    SALES_AGENT = "sales_agent"  # 业务员
    EXPERT = "expert"  # 专家
    REVIEWER = "reviewer"  # 审核员


ROLE_LABELS: dict[str, str] = {
    Role.ADMIN: "系统管理员",
    Role.ONLINE_AGENT: "在线坐席",
    Role.CLOUD_TELLER: "云柜员",
    Role.SALES_AGENT: "业务员",
    Role.EXPERT: "专家",
    Role.REVIEWER: "审核员",
}


class Permission(StrEnum):
    VIEW_CUSTOMERS = "view_customers"
    REVEAL_PII = "reveal_pii"
    MANAGE_STAFF = "manage_staff"
    VIEW_AUDIT = "view_audit"
    MANAGE_KB = "manage_kb"
    TRAIN_ROBOT = "train_robot"
    VIEW_HOT_TOPICS = "view_hot_topics"
    READ_KNOWLEDGE = "read_knowledge"
    HANDLE_CONVERSATIONS = "handle_conversations"
    SERVE_COUNTER = "serve_counter"
    SHARE_SERVICING_LINKS = "share_servicing_links"
    REVIEW_APPLICATIONS = "review_applications"
    VERIFY_CLAIMS = "verify_claims"
    ANSWER_TICKETS = "answer_tickets"
    ENROL_IDENTITY = "enrol_identity"
    VIEW_SMS_OUTBOX = "view_sms_outbox"


_ALL = set(Permission)
ROLE_PERMISSIONS: dict[str, set[Permission]] = {
    Role.ADMIN: _ALL,
    Role.ONLINE_AGENT: {
        Permission.VIEW_CUSTOMERS,
        Permission.REVEAL_PII,
        Permission.HANDLE_CONVERSATIONS,
        Permission.READ_KNOWLEDGE,
        Permission.VIEW_HOT_TOPICS,
        Permission.VERIFY_CLAIMS,
        Permission.VIEW_SMS_OUTBOX,
    },
    Role.CLOUD_TELLER: {
        Permission.VIEW_CUSTOMERS,
        Permission.REVEAL_PII,
        Permission.SERVE_COUNTER,
        Permission.READ_KNOWLEDGE,
        Permission.VIEW_SMS_OUTBOX,
    },
    Role.SALES_AGENT: {Permission.SHARE_SERVICING_LINKS, Permission.READ_KNOWLEDGE, Permission.VIEW_SMS_OUTBOX},
    Role.EXPERT: {
        Permission.ANSWER_TICKETS,
        Permission.READ_KNOWLEDGE,
        Permission.MANAGE_KB,
        Permission.TRAIN_ROBOT,
        Permission.VIEW_HOT_TOPICS,
    },
    Role.REVIEWER: {
        Permission.VIEW_CUSTOMERS,
        Permission.REVEAL_PII,
        Permission.REVIEW_APPLICATIONS,
        Permission.VERIFY_CLAIMS,
        Permission.READ_KNOWLEDGE,
        Permission.VIEW_SMS_OUTBOX,
    },
}


class AuthError(StrEnum):
    BAD_CREDENTIALS = "bad_credentials"
    SESSION_EXPIRED = "session_expired"
    USERNAME_TAKEN = "username_taken"
    INVALID_ROLE = "invalid_role"


register_messages(
    {
        AuthError.BAD_CREDENTIALS: "用户名或密码不正确。",
        AuthError.SESSION_EXPIRED: "登录已过期，请重新登录。",
        AuthError.USERNAME_TAKEN: "该用户名已被使用。",
        AuthError.INVALID_ROLE: "角色不正确。",
    }
)


@dataclass(frozen=True)
class Principal:
    """Whoever a request is authenticated as."""

    kind: str  # "staff" | "customer"
    id: int
    role: str | None
    display_name: str
    session_id: int

    def can(self, permission: Permission) -> bool:
        return self.kind == "staff" and permission in ROLE_PERMISSIONS.get(self.role or "", set())

    @property
    def actor(self) -> Actor:
        return Actor(kind="staff" if self.kind == "staff" else "customer", id=self.id, role=self.role)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create_staff_user(
    session: AsyncSession,
    *,
    username: str,
    password: str,
    display_name: str,
    role: str,
    actor: Actor,
    branch_code: str | None = None,
    agent_code: str | None = None,
    phone: str | None = None,
    password_hash: str | None = None,
) -> StaffUser:
    """Create a staff account. ``password_hash`` lets bulk loaders reuse one argon2 hash."""
    if role not in set(Role):
        raise Conflict(AuthError.INVALID_ROLE, field="role")
    existing = await session.scalar(select(StaffUser.id).where(StaffUser.username == username))
    if existing is not None:
        raise Conflict(AuthError.USERNAME_TAKEN, field="username")
    user = StaffUser(
        username=username,
        display_name=display_name,
        role=role,
        password_hash=password_hash or hash_password(password),
        branch_code=branch_code,
        agent_code=agent_code,
        phone=phone,
    )
    session.add(user)
    await session.flush()
    audit.record(session, actor=actor, action="staff.create", subject_type="staff_user", subject_id=user.id)
    return user


async def authenticate_staff(session: AsyncSession, *, username: str, password: str) -> StaffUser:
    user = await session.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None or not user.is_active or not verify_password(user.password_hash, password):
        audit.record(
            session,
            actor=Actor(kind="system"),
            action="staff.login",
            subject_type="staff_user",
            subject_id=user.id if user else None,
            outcome="refused",
        )
        raise Unauthorized(AuthError.BAD_CREDENTIALS)
    return user


async def open_session(
    session: AsyncSession, *, subject_kind: str, subject_id: int, role: str | None, ttl_hours: int
) -> str:
    """Create a session and return its token (shown once, stored only as a hash)."""
    token = secrets.token_urlsafe(32)
    session.add(
        AuthSession(
            token_hash=_token_hash(token),
            subject_kind=subject_kind,
            subject_id=subject_id,
            role=role,
            expires_at=now() + dt.timedelta(hours=ttl_hours),
        )
    )
    audit.record(
        session,
        actor=Actor(kind="staff" if subject_kind == "staff" else "customer", id=subject_id, role=role),
        action=f"{subject_kind}.login",
        subject_type=subject_kind,
        subject_id=subject_id,
    )
    return token


async def resolve_token(session: AsyncSession, token: str) -> Principal | None:
    row = await session.scalar(select(AuthSession).where(AuthSession.token_hash == _token_hash(token)))
    if row is None or row.revoked or row.expires_at <= now():
        return None
    if row.subject_kind == "staff":
        user = await session.get(StaffUser, row.subject_id)
        if user is None or not user.is_active:
            return None
        return Principal("staff", user.id, user.role, user.display_name, row.id)
    return Principal("customer", row.subject_id, None, "客户", row.id)


async def revoke_token(session: AsyncSession, token: str) -> None:
    await session.execute(update(AuthSession).where(AuthSession.token_hash == _token_hash(token)).values(revoked=True))


def require_permission(principal: Principal | None, permission: Permission) -> Principal:
    """The one place permissions are checked."""
    from zhihui.platform.errors import Forbidden

    if principal is None:
        raise Unauthorized(PlatformError.NOT_AUTHENTICATED)
    if not principal.can(permission):
        raise Forbidden(PlatformError.PERMISSION_DENIED)
    return principal
