"""Error codes of the knowledge base (API contract: add, never rename)."""

from enum import StrEnum

from zhihui.platform.errors import register_messages


class KbError(StrEnum):
    ENTRY_NOT_FOUND = "kb_entry_not_found"
    IMPORT_INVALID = "kb_import_invalid"
    IMPORT_FORMAT = "kb_import_format"
    DUPLICATE_ENTRY = "kb_duplicate_entry"
    ASK_NOT_FOUND = "kb_ask_not_found"
    ATTACHMENT_NOT_FOUND = "kb_attachment_not_found"
    ATTACHMENT_TYPE = "kb_attachment_type"
    ENGINE_LOADING = "kb_engine_loading"
    EMPTY_TEXT = "kb_empty_text"


register_messages(
    {
        KbError.ENTRY_NOT_FOUND: "没有找到该知识条目。",
        KbError.IMPORT_INVALID: "导入文件有错误，全部未导入：{summary}",
        KbError.IMPORT_FORMAT: "不支持的文件格式，请使用 CSV、JSONL 或 XLSX。",
        KbError.DUPLICATE_ENTRY: "知识条目编号已存在：{entry_id}。",
        KbError.ASK_NOT_FOUND: "没有找到这次问答记录。",
        KbError.ATTACHMENT_NOT_FOUND: "没有找到该附件。",
        KbError.ATTACHMENT_TYPE: "只支持图片（JPG、PNG、WebP）和视频（MP4、WebM）附件。",
        KbError.ENGINE_LOADING: "知识库正在加载，请稍后再试。",
        KbError.EMPTY_TEXT: "请输入您的问题。",
    }
)
