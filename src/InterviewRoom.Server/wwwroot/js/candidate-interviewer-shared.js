// Helpers used by both the interviewer page and the candidate/observer page (common.js stays untouched).
import { getState, formatClock, announce } from "./common.js";

/** Parses a server instant (up to 7 fractional digits; keep 3 so every engine takes it). */
export function instant(text) {
  if (!text) return NaN;
  return Date.parse(String(text).replace(/(\.\d{3})\d+/, "$1"));
}

/** GetState through common.js, then a guard in case the engine could not parse 7 fractional digits. */
export async function syncState(connection, clock) {
  const sentAt = Date.now();
  const state = await getState(connection, clock);
  if (!Number.isFinite(clock.offsetMs)) {
    const receivedAt = Date.now();
    clock.offsetMs = instant(state.serverTime) + (receivedAt - sentAt) / 2 - receivedAt;
    if (!Number.isFinite(clock.offsetMs)) clock.offsetMs = 0;
  }
  return state;
}

/** Milliseconds left until a server deadline, drawn from the server clock offset. */
export function remainingMs(clock, deadline) {
  const at = instant(deadline);
  if (!Number.isFinite(at)) return 0;
  return Math.max(0, at - clock.now());
}

/** Time left; before delivery the whole time box, since the server starts the clock when the candidate sees the question. */
export function countdownText(clock, turn) {
  return turn.status === "asked" && turn.timeLimitSeconds
    ? formatClock(turn.timeLimitSeconds * 1000)
    : formatClock(remainingMs(clock, turn.deadline));
}

export const openStatuses = new Set(["asked", "answering"]);

const rank = { asked: 0, answering: 1, timeUp: 2, submitted: 3, closed: 3 };

/**
 * Keeps the most advanced view of a turn when an older event and a newer GetState cross on the wire.
 * Feedback and interviewer scores never go backwards either.
 */
export function mergeTurn(existing, incoming) {
  if (!existing) return incoming;
  const base = (rank[incoming.status] ?? 0) >= (rank[existing.status] ?? 0) ? { ...incoming } : { ...existing };
  const older = base === existing ? incoming : existing;
  if (!base.feedback && older.feedback) base.feedback = older.feedback;
  if (base.feedback && older.feedback && (older.feedback.score?.version ?? 0) > (base.feedback.score?.version ?? 0)) {
    base.feedback = older.feedback;
  }
  if (older.interviewer && base.interviewer) {
    const olderVersion = older.interviewer.scoreVersions ?? 0;
    if (olderVersion > (base.interviewer.scoreVersions ?? 0)) {
      base.interviewer = { ...base.interviewer, score: older.interviewer.score, scoreVersions: olderVersion };
    }
  } else if (older.interviewer && !base.interviewer) {
    base.interviewer = older.interviewer;
  }
  return base;
}

/** Puts a turn into state.turns (by turnId, ordered by ordinal) and refreshes state.currentTurn. */
export function upsertTurn(state, turn) {
  const index = state.turns.findIndex(t => t.turnId === turn.turnId);
  const merged = mergeTurn(index >= 0 ? state.turns[index] : null, turn);
  if (index >= 0) state.turns[index] = merged;
  else state.turns.push(merged);
  state.turns.sort((a, b) => a.ordinal - b.ordinal);
  state.currentTurn = state.turns[state.turns.length - 1];
  return merged;
}

export function upsertParticipant(state, participant) {
  const index = state.participants.findIndex(p => p.participantId === participant.participantId);
  if (index >= 0) state.participants[index] = { ...state.participants[index], ...participant };
  else state.participants.push(participant);
}

const wait = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Invokes a hub method; when the call fails because the connection dropped (not a hub refusal), waits for
 * the connection to come back and sends the very same call again (same arguments, same clientRequestId).
 */
export async function invokeWithRetry(connection, method, args, { onWaiting } = {}) {
  let warned = false;
  for (;;) {
    try {
      if (connection.state !== signalR.HubConnectionState.Connected) throw new Error("not connected");
      return await connection.invoke(method, ...args);
    } catch (error) {
      if (connection.state === signalR.HubConnectionState.Connected && error.message !== "not connected") throw error;
      if (connection.state === signalR.HubConnectionState.Disconnected && connection.stoppedOnPurpose) throw error;
      if (!warned && onWaiting) onWaiting();
      warned = true;
      await wait(1000);
    }
  }
}

export const ratingWords = ["Not shown", "Partly", "Clearly"];

export const kindLabels = {
  behavioral: "Behavioral",
  technical: "Technical",
  systemDesign: "System design",
  opinion: "Opinion",
};

export const phaseText = {
  asked: "Sent — the clock starts when the candidate sees it",
  answering: "Received — answering",
  submitted: "Submitted",
  timeUp: "Time up",
  closed: "Closed",
};

export function phaseLabel(turn) {
  if (!turn) return "";
  const text = phaseText[turn.status] ?? turn.status;
  return turn.status === "submitted" && turn.isLate ? `${text} late` : text;
}

/** localStorage that never throws (private mode, quota). */
export const store = {
  get(key, fallback = null) {
    try {
      const raw = localStorage.getItem(key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch {
      return fallback;
    }
  },
  set(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch { /* full or blocked: keep going */ }
  },
  remove(key) {
    try { localStorage.removeItem(key); } catch { /* ignore */ }
  },
};

/** Replaces the children of a node. */
export function replaceChildren(node, children) {
  node.replaceChildren(...children.filter(Boolean));
}

/** Sets textContent only when it changed (keeps screen readers and selections calm). */
export function setText(node, text) {
  const value = text ?? "";
  if (node.textContent !== value) node.textContent = value;
}

export function show(node, visible) {
  node.hidden = !visible;
}

/**
 * A text box with a server-side length limit that never cuts a paste: the count node says how much is over
 * ("…: 500 over the limit. <fix>"), the box is marked invalid, and the caller refuses to send while over().
 */
export function lengthLimit(box, count, max, fix) {
  const limit = max.toLocaleString("en");
  const over = () => Math.max(0, box.value.length - max);
  function update() {
    const by = over();
    const length = `${box.value.length.toLocaleString("en")} / ${limit} characters`;
    setText(count, by ? `${length}: ${by.toLocaleString("en")} over the limit. ${fix}` : length);
    count.dataset.over = String(by > 0);
    box.setAttribute("aria-invalid", by ? "true" : "false");
  }
  return { over, update, limit };
}

/**
 * The first connect, retried with backoff (automatic reconnect only covers drops after a first success) while
 * the reconnect banner shows. Returns true once connected; false if the page stopped it or the token was
 * refused (then onUnauthorized has run).
 */
export async function startWithRetry(connection, banner, onUnauthorized) {
  for (let attempt = 0; ; attempt++) {
    try {
      await connection.start();
      show(banner, false);
      return true;
    } catch (error) {
      if (connection.stoppedOnPurpose) return false;
      if (/\b401\b|Unauthorized/i.test(String(error?.message))) {
        show(banner, false);
        onUnauthorized();
        return false;
      }
      show(banner, true);
      announce("Could not connect to the room yet; trying again…", "error");
      await new Promise(resolve => setTimeout(resolve, Math.min(10000, 1000 * 2 ** attempt)));
    }
  }
}

/** Stops the hub connection when the page goes away, so the browser does not log an aborted socket. */
export function stopOnLeave(connection) {
  window.addEventListener("pagehide", () => {
    connection.stoppedOnPurpose = true;
    connection.stop().catch(() => {});
  });
  // Back/forward cache: the stopped connection cannot come back by itself, so start afresh.
  window.addEventListener("pageshow", event => {
    if (event.persisted) location.reload();
  });
}

/**
 * Copies the text of a node; where the Clipboard API is missing or refused (plain http, permissions),
 * selects the text so the person can copy it with the keyboard.
 */
export async function copyFrom(node, what = "Text") {
  // A masked secret keeps its real text aside, so what is copied is never what is shown.
  const text = node.dataset.copyText ?? node.textContent;
  try {
    await navigator.clipboard.writeText(text);
    announce(`${what.replace(/^Copy /, "Copied ")}.`.replace(/^([a-z])/, c => c.toUpperCase()));
  } catch {
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    announce("The text is selected: press Ctrl+C (or ⌘C) to copy it.");
  }
}

/** A join code as the pages show it: groups of four (ABCD-EFGH-JKMN); the server accepts it with or without the dashes. */
export function groupedCode(code) {
  return String(code ?? "").match(/.{1,4}/g)?.join("-") ?? "";
}
