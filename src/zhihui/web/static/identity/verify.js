// Face verification page (/h5/identity/{session}): consent -> camera with a face guide -> one big
// instruction per challenge action while frames are captured -> upload -> result with a retry button.
//
// Frames are drawn from the <video> to a canvas WITHOUT mirroring (only the preview is mirrored by CSS),
// so the server sees them as the camera delivers them. t_ms is measured from the moment the challenge
// arrived (performance.now), so the phone's wall clock does not matter.

const FPS = 5;
const FRAME_INTERVAL = 1000 / FPS;
const HOLD_MS = 800; // frontal frames before the first and after the last action (baselines / return)
const ACTION_MS = 2600; // capture time per action: enough to act and come back at a relaxed pace
const MAX_FRAMES = 58; // the server accepts 60
const LONG_SIDE = 640; // the server analyses frames at <= 640 px
const JPEG_QUALITY = 0.85;

const SHORT_LABELS = {
  blink: "请眨眨眼",
  turn_left: "请向左转头",
  turn_right: "请向右转头",
  open_mouth: "请张张嘴",
  nod: "请点点头",
};

const root = document.getElementById("identity-app");
const sessionId = root.dataset.session;
const purpose = root.dataset.purpose;
const consentVersion = root.dataset.consentVersion;
const apiBase = `/api/v1/identity/sessions/${encodeURIComponent(sessionId)}`;
const longTexts = JSON.parse(document.getElementById("instruction-texts").textContent || "{}");

const $ = (id) => document.getElementById(id);
const steps = { consent: $("step-consent"), camera: $("step-camera"), result: $("step-result") };
const video = $("camera");
const startButton = $("start");
let stream = null;
let busy = false;

function show(step) {
  for (const [name, el] of Object.entries(steps)) el.hidden = name !== step;
}

function say(text, sub = "") {
  $("instruction").textContent = text;
  $("instruction-sub").textContent = sub;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(method, url, body) {
  const init = { method, credentials: "same-origin", headers: { Accept: "application/json" } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    return { ok: false, status: 0, data: { code: "network_error", detail: "网络连接失败，请检查网络后重试" } };
  }
  let data = {};
  try {
    data = await response.json();
  } catch (err) {
    data = { code: "bad_response", detail: "服务器返回异常，请稍后再试" };
  }
  if (response.status === 401) {
    window.location.href = `/h5/login?next=${encodeURIComponent(window.location.pathname)}`;
  }
  return { ok: response.ok, status: response.status, data };
}

function showResult({ outcome, title, hint, code, attemptsLeft, canRetry }) {
  const box = $("result");
  box.dataset.outcome = outcome;
  box.dataset.code = code || "";
  $("result-icon").textContent = outcome === "passed" ? "✓" : "!";
  $("result-title").textContent = title;
  $("result-hint").textContent = hint || "";
  $("result-attempts").textContent =
    canRetry && attemptsLeft !== undefined ? `还可以再试 ${attemptsLeft} 次` : "";
  $("retry").hidden = !canRetry;
  stopCamera();
  show("result");
}

function showProblem(data) {
  const code = data.code || "error";
  if (code === "consent_required" || code === "consent_version_outdated") {
    show("consent");
    return;
  }
  const retryable = ["challenge_invalid", "challenge_reused", "network_error", "bad_response", "authority_unavailable"];
  showResult({
    outcome: "error",
    title: "暂时无法完成验证",
    hint: data.detail || "请稍后再试",
    code,
    canRetry: retryable.includes(code),
  });
}

// One camera start shared by every caller: the page starts the camera on load, and a quick tap on
// "开始验证" must wait for that same start to deliver its first frame, or the capture is empty.
let cameraStarting = null;

function startCamera() {
  if (!cameraStarting) {
    cameraStarting = openCamera().then((ok) => {
      if (!ok) cameraStarting = null;
      return ok;
    });
  }
  return cameraStarting;
}

async function openCamera() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    showResult({ outcome: "error", title: "无法使用摄像头", hint: "当前浏览器不支持摄像头，请使用手机自带浏览器或微信打开", code: "camera_unsupported" });
    return false;
  }
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } },
    });
  } catch (err) {
    const denied = err && (err.name === "NotAllowedError" || err.name === "SecurityError");
    showResult({
      outcome: "error",
      title: "无法使用摄像头",
      hint: denied ? "请在浏览器设置中允许使用摄像头，然后点击“重新验证”" : "摄像头打开失败，请关闭其他使用摄像头的应用后重试",
      code: denied ? "camera_denied" : "camera_error",
      canRetry: true,
    });
    return false;
  }
  video.srcObject = stream;
  await video.play().catch(() => {});
  // Wait until the first frame has dimensions, or drawImage captures nothing.
  for (let i = 0; i < 50 && !video.videoWidth; i += 1) await sleep(100);
  return true;
}

function stopCamera() {
  if (stream) {
    for (const track of stream.getTracks()) track.stop();
    stream = null;
  }
  cameraStarting = null;
}

function renderProgress(total, current) {
  const box = $("progress");
  box.replaceChildren();
  for (let i = 0; i < total; i += 1) {
    const dot = document.createElement("span");
    if (i < current) dot.className = "done";
    else if (i === current) dot.className = "now";
    box.appendChild(dot);
  }
}

function makeCapturer(t0) {
  const scale = Math.min(1, LONG_SIDE / Math.max(video.videoWidth, video.videoHeight));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  const ctx = canvas.getContext("2d");
  const pending = [];
  let lastT = -1;
  return {
    grab() {
      if (pending.length >= MAX_FRAMES) return;
      let t = Math.round(performance.now() - t0);
      if (t <= lastT) t = lastT + 1; // strictly increasing, as the server requires
      lastT = t;
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      pending.push(new Promise((resolve) => canvas.toBlob((blob) => resolve({ t, blob }), "image/jpeg", JPEG_QUALITY)));
    },
    async frames() {
      const all = await Promise.all(pending);
      return all.filter((f) => f.blob).sort((a, b) => a.t - b.t);
    },
  };
}

async function capturePhase(capturer, ms) {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    capturer.grab();
    await sleep(FRAME_INTERVAL);
  }
}

async function runAttempt() {
  if (busy) return;
  busy = true;
  startButton.disabled = true;
  try {
    show("camera");
    if (!(await startCamera())) return;
    say("请将脸部放入框内", "正在准备…");
    const got = await call("POST", `${apiBase}/challenge`);
    if (!got.ok) {
      showProblem(got.data);
      return;
    }
    const challenge = got.data;
    const t0 = performance.now();
    const capturer = makeCapturer(t0);
    renderProgress(challenge.actions.length, 0);
    say("请正对镜头", "保持不动");
    await capturePhase(capturer, HOLD_MS);
    for (let i = 0; i < challenge.actions.length; i += 1) {
      const action = challenge.actions[i];
      renderProgress(challenge.actions.length, i);
      say(SHORT_LABELS[action] || challenge.instructions[i], challenge.instructions[i] || longTexts[action] || "");
      await capturePhase(capturer, ACTION_MS);
    }
    renderProgress(challenge.actions.length, challenge.actions.length);
    say("请正对镜头", "马上就好");
    await capturePhase(capturer, HOLD_MS);
    say("正在核验…", "请稍候，不要离开本页面");
    const frames = await capturer.frames();
    const form = new FormData();
    form.append("nonce", challenge.nonce);
    frames.forEach((frame, i) => {
      form.append("t_ms", String(frame.t));
      form.append("frames", frame.blob, `frame-${i}.jpg`);
    });
    const sent = await call("POST", `${apiBase}/frames`, form);
    if (!sent.ok) {
      showProblem(sent.data);
      return;
    }
    const result = sent.data;
    const titles = { passed: "验证通过", failed: "验证未通过", fallback_to_human: "请转人工办理" };
    showResult({
      outcome: result.outcome,
      title: titles[result.outcome] || "验证结束",
      hint: result.hint,
      code: result.liveness.passed ? result.authority_code : result.liveness.code,
      attemptsLeft: result.attempts_left,
      canRetry: result.outcome === "failed" && result.attempts_left > 0,
    });
  } finally {
    busy = false;
    startButton.disabled = false;
  }
}

$("consent-accept").addEventListener("click", async (event) => {
  event.target.disabled = true;
  const done = await call("POST", "/api/v1/identity/consents", { purpose, text_version: consentVersion });
  event.target.disabled = false;
  if (!done.ok) {
    showProblem(done.data);
    return;
  }
  root.dataset.consented = "true";
  show("camera");
  startCamera();
});

startButton.addEventListener("click", runAttempt);
$("retry").addEventListener("click", runAttempt);

if (root.dataset.consented === "true" && !steps.camera.hidden) startCamera();
