// The candidate's and observer's page (/join/{roomCode}): join, then follow the room live. Candidates
// acknowledge and answer questions (drafts survive a reload); everyone sees revealed feedback.
import {
  api, hubConnection, hubMessage, ServerClock, tokens, el, newRequestId, announce, formatDuration,
} from "./common.js";
import {
  syncState, countdownText, openStatuses, upsertTurn, upsertParticipant, phaseLabel, kindLabels,
  setText, show, stopOnLeave, startWithRetry, invokeWithRetry, store, autoClearStatus,
} from "./candidate-interviewer-shared.js";
import { feedbackView } from "./candidate-feedback.js";

const $ = id => document.getElementById(id);
const roomCode = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] ?? "").trim().toUpperCase();
const banner = document.querySelector("[data-testid=reconnecting]");
const answer = $("answer");

let connection = null;
let token = roomCode ? tokens.get(roomCode) : null;
const clock = new ServerClock();
let state = null;
let shownTurnId = null;   // the turn whose draft is in the textarea
let submitting = false;
let lastFeedbackKey = "";
const queue = [];

autoClearStatus();
setText($("join-code-display"), roomCode);

if (!roomCode) {
  announce("This link has no room code. Ask your interviewer for the link again.", "error");
} else if (token) {
  connect();
} else {
  showJoin();
}

// ---- joining ------------------------------------------------------------------------------------------

function showJoin() {
  show($("join-section"), true);
  show($("live"), false);
  $("join-name").focus();
}

$("join-form").addEventListener("submit", async event => {
  event.preventDefault();
  const nameInput = $("join-name");
  const name = nameInput.value.trim();
  const role = document.querySelector("input[name=role]:checked")?.value ?? "candidate";
  if (!name) {
    announce("Enter your name to join.", "error");
    nameInput.setAttribute("aria-invalid", "true");
    nameInput.focus();
    return;
  }
  nameInput.removeAttribute("aria-invalid");
  const button = $("join-form").querySelector("[data-testid=join-submit]");
  button.disabled = true;
  announce("Joining…");
  try {
    const seat = await api(`/api/rooms/${encodeURIComponent(roomCode)}/join`, { method: "POST", body: { name, role } });
    token = seat.token;
    tokens.set(roomCode, seat.token);
    // The report page finds tokens by room id; never overwrite an interviewer key kept in this browser.
    if (!tokens.get(seat.roomId)) tokens.set(seat.roomId, seat.token);
    show($("join-section"), false);
    announce(`Joined as ${seat.role}.`);
    connect();
  } catch (error) {
    let message = error.message;
    if (error.status === 409) message += " You can still join as an observer.";
    announce(message, "error");
  } finally {
    button.disabled = false;
  }
});

// ---- connection ---------------------------------------------------------------------------------------

function connect() {
  show($("live"), true);
  connection = hubConnection(token);
  const handle = fn => payload => {
    if (state) fn(payload);
    else queue.push(() => fn(payload));
  };

  connection.on("QuestionAsked", handle(turn => {
    upsertTurn(state, turn);
    render();
    announce(`New question: ${turn.questionText}`);
    acknowledge(state.currentTurn);
    if (isCandidate() && !answer.disabled) answer.focus();
  }));
  connection.on("QuestionDelivered", handle(turn => { upsertTurn(state, turn); render(); }));
  connection.on("AnswerSubmitted", handle(turn => { upsertTurn(state, turn); render(); }));
  connection.on("TimeUp", handle(turn => {
    upsertTurn(state, turn);
    render();
    announce(isCandidate() ? "Time is up. You can still send your answer; it will be marked late." : "Time is up.");
  }));
  connection.on("FeedbackRevealed", handle(turn => {
    upsertTurn(state, turn);
    render();
    announce(`Feedback on question ${turn.ordinal} is available.`);
  }));
  connection.on("ParticipantJoined", handle(p => {
    upsertParticipant(state, p);
    render();
    if (p.participantId !== state.you?.participantId) announce(`${p.name} joined (${p.role}).`);
  }));
  connection.on("ParticipantLeft", handle(p => {
    upsertParticipant(state, p);
    render();
    if (p.participantId !== state.you?.participantId) announce(`${p.name} left.`);
  }));
  connection.on("RoomEnded", handle(event => {
    state.endedAt = event.endedAt ?? new Date().toISOString();
    render();
    announce("The interview has ended.");
    sync();
  }));

  connection.onreconnecting(() => show(banner, true));
  connection.onreconnected(async () => {
    show(banner, false);
    await sync();
    announce("Reconnected.");
  });
  connection.onclose(() => {
    if (connection.stoppedOnPurpose) return;
    setText($("reconnecting-text"), "Disconnected from the room. Reload the page to reconnect; your draft is kept.");
    show(banner, true);
  });
  stopOnLeave(connection);

  setInterval(tick, 250);
  start();
}

async function start() {
  const connected = await startWithRetry(connection, banner, () => {
    tokens.set(roomCode, ""); // this seat is gone: forget it and offer to join again
    token = null;
    showJoin();
    announce("Your seat in this room is no longer valid. Join again.", "error");
  });
  if (connected) await sync();
}

async function sync() {
  try {
    const fresh = await syncState(connection, clock);
    fresh.turns ??= [];
    fresh.participants ??= [];
    const previous = state;
    state = fresh;
    if (previous) for (const turn of previous.turns) upsertTurn(state, turn);
    if (!state.turns.length) state.currentTurn = undefined;
    if (!tokens.get(state.roomId)) tokens.set(state.roomId, token);
    while (queue.length) queue.shift()();
    render();
    await acknowledge(state.currentTurn);
  } catch (error) {
    announce(`Could not load the room: ${hubMessage(error)}`, "error");
  }
}

const isCandidate = () => state?.you?.role === "candidate";

async function acknowledge(turn) {
  if (!isCandidate() || !turn || turn.status !== "asked" || state.endedAt) return;
  try {
    const updated = await connection.invoke("Acknowledge", turn.turnId);
    if (updated) {
      upsertTurn(state, updated);
      render();
    }
  } catch (error) {
    // A dropped connection is fine: GetState after the reconnect acknowledges again.
    if (connection.state === signalR.HubConnectionState.Connected) announce(hubMessage(error), "error");
  }
}

// ---- drafts -------------------------------------------------------------------------------------------

const draftKey = turnId => `interviewroom.draft.${turnId}`;

/** The draft of a turn, with the clientRequestId made once per turn so a retried Submit reuses it. */
function draftFor(turnId) {
  let draft = store.get(draftKey(turnId));
  if (!draft || typeof draft !== "object" || !draft.clientRequestId) {
    draft = { text: typeof draft?.text === "string" ? draft.text : "", clientRequestId: newRequestId() };
    store.set(draftKey(turnId), draft);
  }
  return draft;
}

answer.addEventListener("input", () => {
  updateCount();
  if (!shownTurnId) return;
  const draft = draftFor(shownTurnId);
  draft.text = answer.value;
  store.set(draftKey(shownTurnId), draft);
});

function updateCount() {
  setText($("answer-count"), `${answer.value.length.toLocaleString("en")} / 20,000 characters`);
}

$("answer-form").addEventListener("submit", async event => {
  event.preventDefault();
  const turn = state?.currentTurn;
  if (!turn || !canAnswer(turn) || submitting) return;
  const draft = draftFor(turn.turnId);
  draft.text = answer.value;
  store.set(draftKey(turn.turnId), draft);
  submitting = true;
  render();
  try {
    const result = await invokeWithRetry(connection, "Submit", [turn.turnId, draft.text, draft.clientRequestId], {
      onWaiting: () => announce("Connection lost — your answer will be sent as soon as the connection is back.", "error"),
    });
    upsertTurn(state, { ...turn, status: "submitted", answerText: draft.text, ...result });
    store.remove(draftKey(turn.turnId));
    announce(result.isLate ? "Answer sent (after the deadline, so it is marked late)." : "Answer sent.");
  } catch (error) {
    const message = hubMessage(error);
    announce(message, "error");
    if (/already submitted|newer question/.test(message)) sync();
  } finally {
    submitting = false;
    render();
  }
});

// ---- rendering ----------------------------------------------------------------------------------------

const canAnswer = turn => isCandidate() && !state.endedAt && (openStatuses.has(turn.status) || turn.status === "timeUp");

function render() {
  if (!state) return;
  const candidate = isCandidate();
  const ended = Boolean(state.endedAt);
  const you = state.you ?? {};

  setText($("room-heading"), state.title || "Interview");
  document.title = `${state.title || "Interview"} — ${candidate ? "Candidate" : "Observer"} — InterviewRoom`;
  const badge = $("role-badge");
  setText(badge, candidate ? "Candidate" : you.role === "observer" ? "Observer" : you.role ?? "");
  show(badge, true);
  setText($("you-line"), `You are ${you.name ?? "in the room"}, ${candidate ? "the candidate" : "an observer"}.`);

  show($("room-ended"), ended);
  $("report-link").href = `/report/${encodeURIComponent(state.roomId)}`;

  renderTurn(candidate, ended);
  renderFeedback();
  renderParticipants();
  tick();
}

function renderTurn(candidate, ended) {
  const turn = state.currentTurn;
  const waiting = !ended && (!turn || turn.status === "submitted" || turn.status === "closed");
  show($("waiting"), waiting);
  setText($("waiting"), turn && turn.status === "submitted"
    ? "Waiting for the interviewer's next question…"
    : "Waiting for the interviewer's question…");
  show($("turn-card"), Boolean(turn));
  if (!turn) {
    shownTurnId = null;
    return;
  }

  const meta = [`Question ${turn.ordinal}`, kindLabels[turn.kind] ?? turn.kind];
  if (turn.topics?.length) meta.push(turn.topics.join(", "));
  setText($("question-meta"), meta.join(" · "));
  setText($("question-text"), turn.questionText);

  const open = openStatuses.has(turn.status);
  show($("timer-box"), !ended && (open || turn.status === "timeUp"));
  const phase = $("phase");
  phase.dataset.phase = turn.status;
  setText(phase, candidate ? candidatePhase(turn) : phaseLabel(turn));
  show($("time-up"), turn.status === "timeUp" && !ended);
  setText($("time-up"), candidate
    ? "Time is up. You can still press Done: a late answer is accepted and marked as late."
    : "Time is up. The candidate can still send a late answer.");

  // Candidate: the answer box with its draft.
  const answered = turn.answerText !== undefined && turn.answerText !== null;
  show($("answer-form"), candidate && (!ended || answered));
  show($("observer-box"), !candidate);
  if (candidate) {
    if (shownTurnId !== turn.turnId) {
      shownTurnId = turn.turnId;
      answer.value = answered ? turn.answerText : draftFor(turn.turnId).text;
      updateCount();
    } else if (turn.status === "submitted" && turn.answerText != null && answer.value !== turn.answerText) {
      answer.value = turn.answerText;
      updateCount();
    }
    const writable = canAnswer(turn) && !submitting;
    answer.disabled = !writable;
    $("submit-answer").disabled = !writable;
    setText($("submit-answer"), submitting ? "Sending…" : turn.status === "timeUp" ? "Done (late)" : "Done");
    show($("submit-answer"), !ended && turn.status !== "submitted" && turn.status !== "closed");
  }

  const submitted = turn.status === "submitted";
  show($("submitted"), submitted);
  if (submitted) {
    const late = turn.isLate ? " It arrived after the deadline, so it is marked late." : "";
    const time = turn.responseTimeMs != null ? ` Response time: ${formatDuration(turn.responseTimeMs)}.` : "";
    setText($("submitted"), candidate ? `Answer sent.${time}${late}` : `The candidate submitted an answer.${time}${late}`);
  }

  if (!candidate) {
    const hasAnswer = turn.answerText !== undefined && turn.answerText !== null;
    show($("observer-answer"), hasAnswer && turn.answerText !== "");
    setText($("observer-answer"), hasAnswer ? turn.answerText : "");
    show($("observer-waiting"), !hasAnswer || turn.answerText === "");
    setText($("observer-waiting"), hasAnswer ? "The candidate sent an empty answer."
      : turn.status === "timeUp" ? "No answer — time ran out." : turn.status === "closed" ? "No answer." : "No answer yet.");
  }
}

function candidatePhase(turn) {
  switch (turn.status) {
    case "asked":
    case "answering": return "Answering — the clock is running.";
    case "submitted": return turn.isLate ? "Submitted late." : "Submitted.";
    case "timeUp": return "Time is up.";
    case "closed": return "Closed: the interview ended before an answer was sent.";
    default: return turn.status;
  }
}

function renderFeedback() {
  const revealed = state.turns.filter(t => t.feedback).sort((a, b) => b.ordinal - a.ordinal);
  const key = JSON.stringify(revealed.map(t => [t.turnId, t.feedback.revealedAt, t.feedback.score?.version]));
  if (key === lastFeedbackKey) return;
  lastFeedbackKey = key;
  const [latest, ...earlier] = revealed;
  show($("feedback"), Boolean(latest));
  $("feedback-body").replaceChildren(...(latest ? [feedbackView(latest, { primary: true })] : []));
  show($("past-feedback-section"), earlier.length > 0);
  $("feedback-history").replaceChildren(...earlier.map(t => el("li", {}, [feedbackView(t, { primary: false })])));
}

function renderParticipants() {
  const you = state.you?.participantId;
  $("participants").replaceChildren(...state.participants.map(p => el("li", {
    className: `person ${p.online ? "is-online" : "is-offline"}`,
    attrs: { "data-testid": "participant", "data-participant-id": p.participantId, "data-role": p.role, "data-online": String(p.online) },
  }, [
    el("span", { className: "presence-dot", attrs: { "aria-hidden": "true" } }),
    el("span", { className: "person-name", text: p.participantId === you ? `${p.name} (you)` : p.name }),
    el("span", { className: "person-role", text: p.role }),
    el("span", { className: "person-presence", text: p.online ? "online" : "offline" }),
  ])));
}

function tick() {
  const turn = state?.currentTurn;
  if (!turn) return;
  const open = openStatuses.has(turn.status);
  const countdown = $("countdown");
  setText(countdown, open ? countdownText(clock, turn) : "0:00");
}
