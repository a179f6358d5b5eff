// Customer robot chat (洋洋, web channel): talks to POST /api/v1/kb/ask.
const chat = document.getElementById("chat");
const form = document.getElementById("ask-form");
const input = document.getElementById("ask-text");
const sessionId = (crypto.randomUUID && crypto.randomUUID().replace(/-/g, "")) || String(Date.now());

function bubble(text, who) {
  const div = document.createElement("div");
  div.className = `bubble ${who}`;
  div.textContent = text;
  chat.appendChild(div);
  div.scrollIntoView({ block: "end" });
  return div;
}

async function feedback(askId, helpful, box) {
  await fetch("/api/v1/kb/feedback", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ask_id: askId, helpful }),
  });
  box.textContent = helpful ? "感谢您的评价！" : "抱歉没能帮到您，我们会改进。您也可以转人工客服。";
}

async function ask(text) {
  bubble(text, "me");
  let data;
  try {
    const res = await fetch("/api/v1/kb/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ text, audience: "customer", channel: "web", session_id: sessionId }),
    });
    data = await res.json();
    if (!res.ok) { bubble(data.detail || "系统繁忙，请稍后再试。", "bot"); return; }
  } catch {
    bubble("网络不太稳定，请稍后再试。", "bot");
    return;
  }
  const reply = bubble(data.message, "bot");
  reply.dataset.outcome = data.outcome;
  if (data.outcome === "clarify" || (data.outcome === "none" && data.suggestions.length)) {
    const choices = document.createElement("div");
    choices.className = "choices";
    for (const s of data.suggestions) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = s.question;
      b.addEventListener("click", () => ask(s.question));
      choices.appendChild(b);
    }
    reply.appendChild(choices);
  }
  if (data.outcome === "answer" && data.ask_id) {
    const box = document.createElement("div");
    box.className = "feedback";
    box.innerHTML = '<button type="button" data-v="1">有帮助</button><button type="button" data-v="0">没帮助</button>';
    box.querySelectorAll("button").forEach((b) => b.addEventListener("click", () => feedback(data.ask_id, b.dataset.v === "1", box)));
    reply.appendChild(box);
  }
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  ask(text);
});
