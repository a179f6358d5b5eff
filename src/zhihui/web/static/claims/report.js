// Claim-report chat: plain fetch calls to /api/v1/claims; the dialog id is kept in localStorage so a
// reporter who closes the page (or loses the network) resumes where they left off.
const root = document.getElementById("claim-chat");
const api = root.dataset.api;
const messages = document.getElementById("messages");
const form = document.getElementById("composer");
const input = document.getElementById("utterance");
const send = document.getElementById("send");
const quick = document.getElementById("quick");
const summary = document.getElementById("summary");
const summaryList = document.getElementById("summary-list");
const done = document.getElementById("done");
const KEY = "zhihui.claims.dialog";

const LABELS = {
  relation: "与出险人关系", insured_name: "出险人", insured_id: "身份证号", contact_phone: "联系电话",
  accident_date: "出险日期", accident_place: "出险地点", cause: "出险原因", diagnosis: "伤情/诊断", treatment: "治疗情况",
};
const RELATION = { self: "本人", spouse: "配偶", child: "子女", parent: "父母", other: "其他" };
const STATUS = { outpatient: "门诊", inpatient: "住院", death: "身故", none: "未就医" };

function mask(slot, v) {
  if (slot === "insured_id") return v.slice(0, 4) + "*".repeat(Math.max(0, v.length - 8)) + v.slice(-4);
  if (slot === "contact_phone") return v.slice(0, 3) + "****" + v.slice(-4);
  return v;
}

function words(slot, v) {
  if (v === null || v === undefined) return "";
  if (slot === "relation") return RELATION[v] || v;
  if (slot === "cause") return v === "illness" ? "疾病" : "意外";
  if (slot === "accident_place") return (v.province || "") + (v.city !== v.province ? v.city || "" : "") + (v.district || "");
  if (slot === "diagnosis") return v.term;
  if (slot === "treatment") return (v.hospital ? v.hospital + " · " : "") + (STATUS[v.status] || "待补充");
  return mask(slot, String(v));
}

function bubble(role, text) {
  const div = document.createElement("div");
  div.className = "bubble " + (role === "bot" ? "bot" : "me");
  div.textContent = text;
  messages.appendChild(div);
  div.scrollIntoView({ block: "end" });
  return div;
}

function show(d) {
  const filled = Object.keys(LABELS).filter((k) => d.slots[k] !== undefined);
  summaryList.replaceChildren();
  for (const k of filled) {
    const dt = document.createElement("dt");
    dt.textContent = LABELS[k];
    const dd = document.createElement("dd");
    dd.dataset.slot = k;
    dd.textContent = words(k, d.slots[k]);
    summaryList.append(dt, dd);
  }
  summary.hidden = filled.length === 0;
  quick.hidden = d.state !== "confirming";
  root.dataset.state = d.state;
  root.dataset.expecting = d.expecting || "";
  const finished = d.state === "done" || d.state === "handoff";
  form.hidden = finished;
  if (finished && d.work_order) {
    done.hidden = false;
    done.innerHTML = "";
    const p = document.createElement("div");
    p.textContent = (d.state === "done" ? "报案已提交，报案号：" : "已转人工处理，报案号：");
    const no = document.createElement("strong");
    no.id = "report-no";
    no.textContent = d.work_order.report_no;
    p.appendChild(no);
    done.appendChild(p);
    localStorage.removeItem(KEY);
  }
}

async function call(url, body) {
  const r = await fetch(url, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw Object.assign(new Error(data.detail || "网络异常，请稍后再试"), { status: r.status });
  return data;
}

async function start() {
  messages.replaceChildren();
  done.hidden = true;
  const saved = localStorage.getItem(KEY);
  if (saved) {
    try {
      const d = await call(`${api}/${saved}`);
      if (d.state === "collecting" || d.state === "confirming") {
        for (const t of d.transcript) bubble(t.role, t.text);
        root.dataset.dialogId = d.dialog_id;
        show(d);
        return;
      }
    } catch (e) { /* expired or unknown: start afresh */ }
  }
  const d = await call(api, { channel: "text" });
  localStorage.setItem(KEY, d.dialog_id);
  root.dataset.dialogId = d.dialog_id;
  bubble("bot", d.reply);
  show(d);
}

async function say(text) {
  const mine = bubble("me", text || "（未输入内容）");
  mine.classList.add("pending");
  send.disabled = true;
  try {
    const d = await call(`${api}/${root.dataset.dialogId}/turns`, { text });
    mine.classList.remove("pending");
    bubble("bot", d.reply);
    show(d);
  } catch (e) {
    mine.remove();
    input.value = text;
    bubble("bot", e.message);
  } finally {
    send.disabled = false;
    input.focus();
  }
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = input.value.trim();
  input.value = "";
  say(text);
});
input.addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); form.requestSubmit(); }
});
quick.addEventListener("click", (ev) => {
  const b = ev.target.closest("[data-say]");
  if (b) say(b.dataset.say);
});
document.getElementById("restart").addEventListener("click", () => { localStorage.removeItem(KEY); start(); });
start().catch((e) => bubble("bot", e.message));
