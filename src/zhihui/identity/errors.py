"""Error codes of the identity module (API contract: add, never rename)."""

from enum import StrEnum

from zhihui.platform.errors import register_messages


class IdentityError(StrEnum):
    OTP_INVALID = "otp_invalid"
    OTP_EXPIRED = "otp_expired"
    OTP_LOCKED = "otp_locked"
    OTP_TOO_SOON = "otp_too_soon"
    PHONE_NOT_REGISTERED = "phone_not_registered"
    LINK_INVALID = "link_invalid"
    LINK_EXPIRED = "link_expired"
    LINK_USED = "link_used"
    LINK_WRONG_CUSTOMER = "link_wrong_customer"


register_messages(
    {
        IdentityError.OTP_INVALID: "验证码不正确，还可以再试 {remaining} 次。",
        IdentityError.OTP_EXPIRED: "验证码已过期，请重新获取。",
        IdentityError.OTP_LOCKED: "验证码错误次数过多，该手机号已锁定，请 {minutes} 分钟后再试。",
        IdentityError.OTP_TOO_SOON: "验证码已发送，请 {seconds} 秒后再重新获取。",
        IdentityError.PHONE_NOT_REGISTERED: "该手机号未在本公司登记，请使用投保时预留的手机号。",
        IdentityError.LINK_INVALID: "链接无效，请向您的业务员重新索取。",
        IdentityError.LINK_EXPIRED: "链接已过期，请向您的业务员重新索取。",
        IdentityError.LINK_USED: "该链接已使用过，请向您的业务员重新索取。",
        IdentityError.LINK_WRONG_CUSTOMER: "该链接不是发给您的，无法办理。",
    }
)
