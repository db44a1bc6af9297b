// The interviewer's room (/room/{roomId}#key=…): share, participants, bank and plan, the live turn,
// the rubric score, history, swapping roles and the end. Everything is drawn from GetState plus the hub's events;
// a key that is not (or no longer) the interviewer's goes on to the candidate page.
import { hubConnection, hubMessage, ServerClock, tokens, tokenFromFragment, el, announce } from "./common.js";
import {
  syncState, countdownText, openStatuses, upsertTurn, upsertParticipant,
  setText, show, stopOnLeave, startWithRetry, invokeWithRetry, remainingMs, copyFrom, store, groupedCode,
} from "./candidate-interviewer-shared.js";
import { createBank, formatSeconds } from "./interviewer-bank.js";
import { createRubric } from "./interviewer-rubric.js";
import { createTurnViews } from "./interviewer-turns.js";
import { createSwap } from "./interviewer-swap.js";
import { followSeatMoves, otherPageFor, openPage, isLeaving, renderRoundAndClass } from "./room-moves.js";
import { createPushSequence } from "./push-sequence.js";

const $ = id => document.getElementById(id);
const roomId = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] ?? "");

const fragmentToken = tokenFromFragment();
if (fragmentToken && roomId) tokens.set(roomId, fragmentToken);
const token = fragmentToken || (roomId ? tokens.get(roomId) : null);

/** Shared by the modules of this page. */
const ctx = {
  roomId,
  token,
  state: null,
  connection: null,
  clock: new ServerClock(),
  ended: false,
  selectedTurnId: null, // null: follow the current (latest) turn
  asking: false,
  ask,
  render,
  sync,
  selectedTurn() {
    const turns = ctx.state?.turns ?? [];
    return turns.find(t => t.turnId === ctx.selectedTurnId) ?? ctx.state?.currentTurn ?? null;
  },
};


if (!token) {
  show($("no-token"), true);
  announce("No interviewer key for this room in this browser. Open your interviewer link (with #key=…).", "error");
} else {
  main();
}

function main() {
  show($("room"), true);
  const origin = location.origin;
  const interviewerUrl = `${origin}/room/${encodeURIComponent(roomId)}#key=${encodeURIComponent(token)}`;
  const reportUrl = `/report/${encodeURIComponent(roomId)}#key=${encodeURIComponent(token)}`;
  // The key is masked on the page (a shared screen shows the card); Copy copies the whole link.
  const interviewerLink = $("interviewer-link");
  interviewerLink.dataset.copyText = interviewerUrl;
  const renderInterviewerLink = () => setText(interviewerLink, $("show-interviewer-link").getAttribute("aria-pressed") === "true"
    ? interviewerUrl
    : `${origin}/room/${encodeURIComponent(roomId)}#key=${"•".repeat(12)}`);
  renderInterviewerLink();
  toggleShown($("show-interviewer-link"), renderInterviewerLink);
  $("report-link").href = reportUrl;
  $("ended-report-link").href = reportUrl;
  const knownCode = store.get(`interviewroom.roomcode.${roomId}`);
  if (typeof knownCode === "string" && knownCode) renderShare(knownCode);

  for (const button of document.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", () => copyFrom($(button.dataset.copy), button.getAttribute("aria-label")));
  }
  toggleShown($("show-observer-link"), () => renderObserverLink(ctx.state?.observerKey, ctx.state?.roomCode));

  ctx.bank = createBank(ctx);
  ctx.rubric = createRubric(ctx);
  ctx.turns = createTurnViews(ctx);
  ctx.swap = createSwap(ctx);
  wireEnd();

  const connection = hubConnection(token);
  ctx.connection = connection;
  const queue = [];
  const handle = fn => payload => {
    if (ctx.state) fn(payload);
    else queue.push(() => fn(payload));
  };
  ctx.flushQueue = () => { while (queue.length) queue.shift()(); };
  ctx.pushes = createPushSequence(sync);
  // A push to the whole room: its number is checked as it arrives (a gap reads the state again); a stale one is
  // already in the state and is dropped.
  const numbered = fn => {
    const apply = handle(fn);
    return payload => { if (ctx.pushes.observe(payload?.seq) !== "stale") apply(payload); };
  };

  connection.on("QuestionAsked", numbered(turn => {
    upsertTurn(ctx.state, turn);
    noteAsked(turn.questionId);
    ctx.selectedTurnId = null;
    render();
  }));
  connection.on("QuestionDelivered", numbered(turn => { upsertTurn(ctx.state, turn); render(); }));
  connection.on("AnswerSubmitted", numbered(turn => {
    upsertTurn(ctx.state, turn);
    render();
    announce(`The candidate submitted an answer to question ${turn.ordinal}${turn.isLate ? " (late)" : ""}.`);
  }));
  connection.on("TimeUp", numbered(turn => {
    upsertTurn(ctx.state, turn);
    render();
    announce(`Time is up for question ${turn.ordinal}.`);
  }));
  connection.on("FeedbackRevealed", numbered(turn => { upsertTurn(ctx.state, turn); render(); }));
  connection.on("ScoreSaved", handle(score => { ctx.pushes.checkBehind(score.seq); ctx.rubric.applyScore(score); render(); }));
  connection.on("ParticipantJoined", numbered(p => {
    upsertParticipant(ctx.state, p);
    render();
    if (p.participantId !== ctx.state.you?.participantId) announce(`${p.name} joined as ${p.role}.`);
  }));
  connection.on("ParticipantLeft", numbered(p => {
    upsertParticipant(ctx.state, p);
    render();
    if (p.participantId !== ctx.state.you?.participantId) announce(`${p.name} left.`);
  }));
  connection.on("RoomEnded", numbered(event => {
    ctx.state.endedAt = event.endedAt ?? new Date().toISOString();
    render();
    announce("The interview has ended.");
    sync(); // the open turn, if any, is closed now
  }));
  followSeatMoves(connection, { token, state: () => ctx.state, resync: sync });

  connection.onreconnecting(() => show(document.querySelector("[data-testid=reconnecting]"), true));
  connection.onreconnected(async () => {
    show(document.querySelector("[data-testid=reconnecting]"), false);
    await sync();
    announce("Reconnected.");
  });
  connection.onclose(() => {
    if (connection.stoppedOnPurpose) return;
    setText($("reconnecting-text"), "Disconnected from the room. Reload the page to reconnect.");
    show(document.querySelector("[data-testid=reconnecting]"), true);
  });
  stopOnLeave(connection);

  setInterval(tick, 250);
  start();
}

async function start() {
  const banner = document.querySelector("[data-testid=reconnecting]");
  const connected = await startWithRetry(ctx.connection, banner, () => {
    const notice = $("no-token");
    notice.querySelector("h2").textContent = "This interviewer key is not valid";
    notice.querySelector("p").textContent =
      "The key in this link does not open this room. Check that you copied the whole interviewer link.";
    show(notice, true);
    show($("room"), false);
    announce("The interviewer key is not valid for this room.", "error");
  });
  if (!connected) return;
  await sync();
  ctx.bank.load();
}

async function sync() {
  try {
    const state = await ctx.pushes.read(() => syncState(ctx.connection, ctx.clock));
    state.turns ??= [];
    state.participants ??= [];
    state.askedBefore ??= [];
    const elsewhere = otherPageFor(state, ctx.token, "interviewer");
    if (elsewhere) {
      tokens.set(state.roomCode, ctx.token);
      openPage(elsewhere, `You are ${state.you?.role === "candidate" ? "the candidate" : "an observer"} in this room; opening the candidate page.`);
      return;
    }
    const previous = ctx.state;
    ctx.state = state;
    if (previous) for (const turn of previous.turns) upsertTurn(ctx.state, turn); // keep anything newer we already had
    if (!state.turns.length) state.currentTurn = undefined;
    ctx.flushQueue();
    render();
  } catch (error) {
    announce(`Could not load the room: ${hubMessage(error)}`, "error");
  }
}

// ---- asking -------------------------------------------------------------------------------------------

async function ask(questionId, seconds) {
  if (!ctx.state || ctx.ended || ctx.asking) return false;
  ctx.asking = true;
  ctx.bank.renderAll();
  try {
    const turn = await ctx.connection.invoke("Ask", questionId, seconds);
    upsertTurn(ctx.state, turn);
    noteAsked(turn.questionId);
    ctx.selectedTurnId = null;
    announce(`Question ${turn.ordinal} sent with a ${formatSeconds(turn.timeLimitSeconds)} time box.`);
    refreshAskedBefore();
    return true;
  } catch (error) {
    if (ctx.connection.state !== signalR.HubConnectionState.Connected) {
      announce("The connection dropped while asking. Check the current question once reconnected before asking again.", "error");
    } else {
      announce(hubMessage(error), "error");
    }
    return false;
  } finally {
    ctx.asking = false;
    render();
  }
}

/** The candidate has now been asked this question: the bank marks it, and Ask would refuse it again. */
function noteAsked(questionId) {
  if (ctx.state && !ctx.state.askedBefore.includes(questionId)) ctx.state.askedBefore.push(questionId);
}

/** After each question, the server's own list of what this candidate was already asked (also in other rooms of a class). */
async function refreshAskedBefore() {
  try {
    const fresh = await ctx.connection.invoke("GetState");
    if (!ctx.state || !fresh.askedBefore) return;
    ctx.state.askedBefore = fresh.askedBefore;
    ctx.bank.renderAll();
  } catch {
    // Not needed to go on: the list was already updated locally, and every reconnect reads it again.
  }
}

// ---- rendering ----------------------------------------------------------------------------------------

function render() {
  const state = ctx.state;
  if (!state || isLeaving()) return;
  ctx.ended = Boolean(state.endedAt);
  document.body.classList.toggle("room-is-ended", ctx.ended);

  const title = state.title || "Interview room";
  setText($("room-heading"), title);
  document.title = `${title} — Interviewer — InterviewRoom`;

  renderShare(state.roomCode);
  renderObserverLink(state.observerKey, state.roomCode);

  renderParticipants();
  ctx.turns.renderCurrent();
  ctx.rubric.render();
  ctx.turns.renderHistory();
  ctx.bank.renderAll();
  renderEnded();
  renderRoundAndClass(state, ctx.token);
  ctx.swap.render();
  tick();
}

/** A Show/Hide toggle for a masked secret on the invite card. */
function toggleShown(button, render) {
  button.addEventListener("click", () => {
    const shown = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", String(shown));
    setText(button, shown ? "Hide" : "Show");
    render();
  });
}

function renderShare(roomCode) {
  setText($("room-code"), groupedCode(roomCode));
  const candidateUrl = `${location.origin}/join/${roomCode}`;
  const candidateLink = $("candidate-link");
  if (candidateLink.getAttribute("href") !== candidateUrl) candidateLink.setAttribute("href", candidateUrl);
  setText(candidateLink, candidateUrl);
  store.set(`interviewroom.roomcode.${roomId}`, roomCode);
}

/**
 * The observer link: the candidate link with the room's observer key after "#observer=" (a fragment, never sent
 * to the server). Masked until "Show"; "Copy" copies the whole link either way.
 */
function renderObserverLink(observerKey, roomCode) {
  const node = $("observer-link");
  const none = !observerKey;
  show($("observer-none"), none && Boolean(roomCode));
  for (const id of ["observer-link", "copy-observer-link", "show-observer-link"]) show($(id), !none);
  if (none) return;
  const url = `${location.origin}/join/${roomCode}#observer=${encodeURIComponent(observerKey)}`;
  const shown = $("show-observer-link").getAttribute("aria-pressed") === "true";
  node.dataset.copyText = url;
  setText(node, shown ? url : `${location.origin}/join/${roomCode}#observer=${"•".repeat(12)}`);
}

function renderParticipants() {
  const list = $("participants");
  const you = ctx.state.you?.participantId;
  list.replaceChildren(...ctx.state.participants.map(p => el("li", {
    className: `person ${p.online ? "is-online" : "is-offline"}`,
    attrs: { "data-testid": "participant", "data-participant-id": p.participantId, "data-role": p.role, "data-online": String(p.online) },
  }, [
    el("span", { className: "presence-dot", attrs: { "aria-hidden": "true" } }),
    el("span", { className: "person-name", text: p.participantId === you ? `${p.name} (you)` : p.name }),
    el("span", { className: "person-role", text: p.role }),
    el("span", { className: "person-presence", text: p.online ? "online" : "offline", attrs: { "data-testid": "participant-presence" } }),
  ])));
  if (!ctx.state.participants.length) list.replaceChildren(el("li", { className: "muted", text: "Nobody yet." }));
}

function renderEnded() {
  show($("room-ended"), ctx.ended);
  for (const node of document.querySelectorAll(".control")) node.disabled = ctx.ended || !ctx.state;
  if (ctx.ended) show($("end-confirm"), false);
  ctx.bank.syncAskNext();
}

function tick() {
  const turn = ctx.state?.currentTurn;
  if (!turn) return;
  const open = openStatuses.has(turn.status);
  setText($("turn-countdown"), open ? countdownText(ctx.clock, turn) : "0:00");
  $("turn-countdown").classList.toggle("is-low", open && remainingMs(ctx.clock, turn.deadline) <= 10000);
}

// ---- ending -------------------------------------------------------------------------------------------

function wireEnd() {
  const endButton = $("end-room");
  const confirmBox = $("end-confirm");
  endButton.addEventListener("click", () => {
    show(confirmBox, true);
    $("confirm-end").focus();
  });
  $("cancel-end").addEventListener("click", () => {
    show(confirmBox, false);
    endButton.focus();
  });
  $("confirm-end").addEventListener("click", async () => {
    const confirmButton = $("confirm-end");
    confirmButton.disabled = true;
    try {
      await invokeWithRetry(ctx.connection, "End", [], {
        onWaiting: () => announce("Connection lost — ending the room as soon as it is back.", "error"),
      });
      markEnded();
    } catch (error) {
      const message = hubMessage(error);
      if (message.startsWith("This room has ended")) markEnded();
      else announce(message, "error");
    } finally {
      confirmButton.disabled = false;
    }
  });
}

function markEnded() {
  if (ctx.state && !ctx.state.endedAt) ctx.state.endedAt = new Date().toISOString();
  show($("end-confirm"), false);
  render();
  announce("The interview has ended.");
  $("room-ended").scrollIntoView({ block: "start" });
}
