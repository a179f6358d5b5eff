"""Error codes of the identity module (API contract: add, never rename)."""

from enum import StrEnum

from zhihui.platform.errors import PayloadTooLarge, ServiceUnavailable, UnsupportedMediaType, register_messages


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
    # face verification, liveness sessions, consent
    CONSENT_REQUIRED = "consent_required"
    CONSENT_VERSION_OUTDATED = "consent_version_outdated"
    VERIFICATION_NOT_FOUND = "verification_not_found"
    VERIFICATION_WRONG_CUSTOMER = "verification_wrong_customer"
    VERIFICATION_CLOSED = "verification_closed"
    VERIFICATION_EXPIRED = "verification_expired"
    CHALLENGE_INVALID = "challenge_invalid"
    CHALLENGE_REUSED = "challenge_reused"
    TOO_MANY_CHALLENGES = "too_many_challenges"
    SUBJECT_REQUIRED = "subject_required"
    SUBJECT_NOT_OWNED = "subject_not_owned"
    NAME_ID_MISMATCH = "name_id_mismatch"
    ID_NUMBER_UNKNOWN = "id_number_unknown"
    UPLOAD_TOO_LARGE = "upload_too_large"
    TOO_MANY_FRAMES = "too_many_frames"
    NO_FRAMES = "no_frames"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    BAD_FRAMES = "bad_frames"
    AUTHORITY_UNAVAILABLE = "authority_unavailable"
    IMAGE_UNUSABLE = "image_unusable"


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
        IdentityError.CONSENT_REQUIRED: "人脸识别前需要您阅读并同意《人脸信息处理授权书》。",
        IdentityError.CONSENT_VERSION_OUTDATED: "授权书内容已更新，请重新阅读后再同意。",
        IdentityError.VERIFICATION_NOT_FOUND: "没有找到这次身份验证，请从业务页面重新发起。",
        IdentityError.VERIFICATION_WRONG_CUSTOMER: "这次身份验证不是为您发起的，无法继续。请使用本人账号登录。",
        IdentityError.VERIFICATION_CLOSED: "这次身份验证已经结束，无需重复提交。",
        IdentityError.VERIFICATION_EXPIRED: "这次身份验证已过期，请从业务页面重新发起。",
        IdentityError.CHALLENGE_INVALID: "验证动作已失效，请点击“重新验证”再试一次。",
        IdentityError.CHALLENGE_REUSED: "该验证动作已经提交过，请点击“重新验证”获取新的动作。",
        IdentityError.TOO_MANY_CHALLENGES: "获取验证动作次数过多，请稍后从业务页面重新发起。",
        IdentityError.SUBJECT_REQUIRED: "请指明要验证的客户（客户编号或保单号）。",
        IdentityError.SUBJECT_NOT_OWNED: "只能验证您本人名下的客户或保单。",
        IdentityError.NAME_ID_MISMATCH: "姓名与身份证号码不一致，请核对后重新输入。",
        IdentityError.ID_NUMBER_UNKNOWN: "本公司没有该身份证号码的客户记录，请核对后重新输入。",
        IdentityError.UPLOAD_TOO_LARGE: "上传的内容过大（单次不超过 {limit_mb} MB），请重新验证。",
        IdentityError.TOO_MANY_FRAMES: "上传的画面过多（最多 {limit} 张），请重新验证。",
        IdentityError.NO_FRAMES: "没有收到画面，请允许使用摄像头后重新验证。",
        IdentityError.UNSUPPORTED_MEDIA_TYPE: "上传格式不支持，画面仅支持 JPG、PNG、WebP 图片。",
        IdentityError.BAD_FRAMES: "上传的画面数据不完整，请重新验证。",
        IdentityError.AUTHORITY_UNAVAILABLE: "身份核验服务暂时不可用，请稍后再试或转人工办理。",
        IdentityError.IMAGE_UNUSABLE: "{hint}",
    }
)


__all__ = ["IdentityError", "PayloadTooLarge", "ServiceUnavailable", "UnsupportedMediaType"]
