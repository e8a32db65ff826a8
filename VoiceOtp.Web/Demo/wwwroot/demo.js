// The VoiceOtp demo page: plain JavaScript, no build step. It talks only to the page's own server
// endpoints under /demo/api, which call the engine in-process; no API key is ever in the browser.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { config: null, phone: null, session: null, resendAt: 0, timers: [] };

async function api(method, path, body) {
  let response;
  try {
    response = await fetch("/demo/api/" + path, {
      method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-VoiceOtp-Demo": "1" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { http: 0, status: "offline", message: "We cannot reach the server. Check your connection and try again." };
  }
  try {
    return { http: response.status, ...(await response.json()) };
  } catch {
    return { http: response.status, status: "error", message: "Something went wrong (" + response.status + "). Please try again." };
  }
}

function say(id, text, kind) {
  const el = $(id);
  el.textContent = text || "";
  el.className = "message" + (kind ? " " + kind : "");
}

function friendly(result) {
  if (result.http === 503) return "The service is busy or unavailable right now. Please try again in a moment.";
  return result.message || "Something went wrong. Please try again.";
}

function show(step) {
  for (const id of ["number-form", "code-form", "outcome"]) $(id).hidden = id !== step;
}

function startTimers() {
  stopTimers();
  state.timers.push(setInterval(pollStatus, 1000), setInterval(tickResend, 250));
}

function stopTimers() {
  state.timers.forEach(clearInterval);
  state.timers = [];
}

async function startCall(path) {
  const button = path === "start" ? $("call") : $("resend");
  button.disabled = true;
  const phone = path === "start" ? $("phone").value : state.phone;
  const result = await api("POST", path, { phone });
  button.disabled = false;
  const target = path === "start" ? "number-message" : "code-message";
  if (result.status === "calling") {
    state.phone = result.phone;
    state.session = result.session_uuid;
    state.resendAt = Date.now() + result.resend_after_seconds * 1000;
    $("calling-message").textContent = result.message + (result.same_code ? " It is the same code as before." : "");
    $("phone-number").textContent = result.phone;
    say("number-message", "");
    say("code-message", path === "resend" ? "Calling you again." : "", "ok");
    $("call-status").textContent = "Placing the call…";
    $("call-status").dataset.call = "queued";
    if (path === "start") {
      $("code").value = "";
      $("attempts").textContent = "You have " + state.config.max_attempts + " attempts.";
    }
    show("code-form");
    $("code").focus();
    startTimers();
    pollPhone();
    return;
  }
  if (result.status === "wait") state.resendAt = Date.now() + result.resend_after_seconds * 1000;
  if (result.status === "locked" && path === "resend") return finish("locked", "Too many wrong codes", result.message);
  say(target, friendly(result), result.status === "wait" ? "warn" : "error");
}

async function verify() {
  const code = $("code").value.replace(/\s+/g, "");
  if (!new RegExp("^\\d{" + state.config.code_length + "}$").test(code)) {
    return say("code-message", "Enter the " + state.config.code_length + " digits you heard.", "error");
  }
  $("verify").disabled = true;
  const result = await api("POST", "verify", { phone: state.phone, code });
  $("verify").disabled = false;
  switch (result.status) {
    case "verified": return finish("verified", "Phone verified", result.message + " Welcome to Acme!");
    case "locked": return finish("locked", "Too many wrong codes", result.message);
    case "expired": return finish("expired", "Code expired", result.message);
    case "rejected":
      $("attempts").textContent = result.attempts_remaining === 1 ? "1 attempt left." : result.attempts_remaining + " attempts left.";
      $("code").select();
      return say("code-message", result.message, "error");
    default: return say("code-message", friendly(result), "error");
  }
}

function finish(outcome, title, message) {
  stopTimers();
  $("outcome").dataset.outcome = outcome;
  $("outcome-title").textContent = title;
  $("outcome-message").textContent = message;
  $("start-over").textContent = outcome === "expired" ? "Call me with a new code" : "Start over";
  show("outcome");
  pollPhone();
}

async function pollStatus() {
  if (!state.session) return;
  const result = await api("POST", "status", { session_uuid: state.session });
  if (result.status === "expired" || result.session_status === "expired") return finish("expired", "Code expired", result.message);
  if (result.status !== "success") return;
  $("call-status").textContent = result.message;
  $("call-status").dataset.call = result.call;
  if (result.session_status === "failed") say("code-message", result.message, "error");
}

function tickResend() {
  const left = Math.ceil((state.resendAt - Date.now()) / 1000);
  $("resend").disabled = left > 0;
  $("resend").textContent = left > 0 ? "Call again in " + left + " s" : "Call me again";
}

// The phone panel: what the simulated phone of the number rang with and heard.
async function pollPhone() {
  if (!state.config.phone_panel || !state.phone) return;
  const result = await api("POST", "phone/calls", { phone: state.phone });
  if (result.status !== "success") return;
  const list = $("phone-calls");
  list.replaceChildren(...result.calls.map(renderCall));
  $("phone-empty").hidden = result.calls.length > 0;
}

// Buttons follow the call's state: Answer and Ring out while it rings, the keypad while it waits
// for a key, Hang up until it ends. A call that plays by itself keeps them off and says why.
function renderCall(call) {
  const item = $("call-template").content.firstElementChild.cloneNode(true);
  item.dataset.status = call.status;
  item.dataset.callId = call.call_id;
  item.dataset.awaitingKey = call.awaiting_key ? "true" : "false";
  item.querySelector(".call-status").textContent = call.label;
  item.querySelector(".call-time").textContent = new Date(call.created_at).toLocaleTimeString();
  item.querySelector(".heard").textContent = call.heard ? "“" + call.heard + "”" : "";
  const note = call.interactive ? "" : "This call answers and listens by itself; its buttons are off.";
  item.querySelector(".call-note").textContent = note;
  item.querySelector(".call-note").hidden = !note;
  const allowed = { answer: call.can.answer, "hang-up": call.can.hang_up, "ring-out": call.can.ring_out };
  for (const button of item.querySelectorAll(".buttons button")) {
    const action = button.dataset.action;
    button.disabled = !allowed[action];
    button.addEventListener("click", () => phoneAction(action, { call_id: call.call_id }));
  }
  const keypad = item.querySelector(".keypad");
  for (const key of "123456789*0#") {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = key;
    b.dataset.key = key;
    b.disabled = !call.can.press;
    b.addEventListener("click", () => phoneAction("press", { call_id: call.call_id, digit: key }));
    keypad.append(b);
  }
  return item;
}

async function phoneAction(action, body) {
  const result = await api("POST", "phone/" + action, body);
  $("phone-message").textContent = result.message || "";
  pollPhone();
}

async function init() {
  const config = await api("GET", "config");
  if (config.status !== "success") return say("number-message", friendly(config), "error");
  state.config = config;
  $("code").maxLength = config.code_length;
  $("code").placeholder = "•".repeat(config.code_length);
  if (config.phone_panel) {
    $("phone-panel").hidden = false;
    $("ring-out-next").disabled = !config.phone_panel.ring_out_next;
    $("phone-mode").textContent = config.phone_panel.interactive
      ? "Every call waits for you: answer it, press the key it asks for, hang up or let it ring out."
      : "Calls answer by themselves and the buttons stay off, except for numbers ending in 09. Start with Plivo__SimulatorInteractive=true to play every call by hand.";
    setInterval(pollPhone, 1000);
  }
  $("number-form").addEventListener("submit", (e) => { e.preventDefault(); startCall("start"); });
  $("code-form").addEventListener("submit", (e) => { e.preventDefault(); verify(); });
  $("resend").addEventListener("click", () => startCall("resend"));
  $("change-number").addEventListener("click", () => { stopTimers(); show("number-form"); $("phone").focus(); });
  $("start-over").addEventListener("click", () => {
    if ($("outcome").dataset.outcome === "expired") return startCall("resend").then(() => undefined);
    show("number-form");
    $("phone").focus();
  });
  $("ring-out-next").addEventListener("click", () => {
    const phone = state.phone || $("phone").value;
    if (!phone) return ($("phone-message").textContent = "Enter a phone number first.");
    phoneAction("ring-out-next", { phone });
  });
}

init();
