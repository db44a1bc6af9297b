// The candidate's and observer's page (/join/{roomCode}): join, then follow the room live. Candidates
// acknowledge and answer questions (drafts survive a reload); everyone sees revealed feedback. A seat handed
// over in the link (/join/{roomCode}#key=…: a queue pair, a class student, a role swap) needs no join form.
import { api, hubConnection, hubMessage, ServerClock, tokens, tokenFromFragment, stripFragment, el, announce } from "./common.js";
import {
  syncState, countdownText, openStatuses, upsertTurn, upsertParticipant, setText, show, stopOnLeave, startWithRetry,
  groupedCode,
} from "./candidate-interviewer-shared.js";
import { feedbackView } from "./candidate-feedback.js";
import { createAnswerBox } from "./candidate-answer.js";
import { followSeatMoves, otherPageFor, openPage, isLeaving, renderRoundAndClass } from "./room-moves.js";
import { createPushSequence } from "./push-sequence.js";

const $ = id => document.getElementById(id);
// The code as stored: the server accepts it grouped (ABCD-EFGH-JKMN), spaced or in lower case, and so does this page.
const roomCode = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] ?? "").replace(/[\s-]+/g, "").toUpperCase();
const banner = document.querySelector("[data-testid=reconnecting]");

// An observer link carries the room's observer key in the fragment (/join/{code}#observer=…); the code alone opens
// the candidate seat only. Read before the fragment is stripped, kept in memory only.
const observerKey = new URLSearchParams(location.hash.slice(1)).get("observer") || null;
const fragmentToken = tokenFromFragment();
if (fragmentToken && roomCode) tokens.set(roomCode, fragmentToken);
stripFragment();

let connection = null;
let token = roomCode ? fragmentToken || tokens.get(roomCode) : null;
const clock = new ServerClock();
let state = null;
let lastFeedbackKey = "";
const queue = [];
const pushes = createPushSequence(() => sync());
const answerBox = createAnswerBox({
  state: () => state,
  connection: () => connection,
  isCandidate: () => isCandidate(),
  render: () => render(),
  sync: () => sync(),
});

setText($("join-code-display"), groupedCode(roomCode));
$("join-role-observer").checked = Boolean(observerKey);
$("join-role-candidate").checked = !observerKey;
show($("join-choice-candidate"), !observerKey);
show($("join-choice-observer"), Boolean(observerKey));
setText($("join-as"), observerKey
  ? "This observer link lets you watch the interview and see the answers."
  : "This link opens the candidate's seat: you answer the questions. Observers join with the observer link from the interviewer.");

// Room codes are 12 characters of this alphabet (8 for rooms made before longer codes). A code that cannot be one
// is caught here, before anyone types a name; whether a well-formed code opens a seat only a join can tell (the
// server answers every refused join alike, so guessing learns nothing).
const codeShape = /^[A-HJKMNP-Z2-9]{8}$|^[A-HJKMNP-Z2-9]{12}$/;

if (!roomCode || !codeShape.test(roomCode)) {
  show($("bad-code"), true);
  setText($("bad-code-text"), roomCode
    ? `"${roomCode}" cannot be a room code: codes have 12 letters and digits, like ABCD-EFGH-JKMN (no 0, 1, I, L or O). Check the link you were given, or ask your interviewer for it again.`
    : "The link ends before the room code. Ask your interviewer for the link again.");
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
    const body = role === "observer" ? { name, role, observerKey } : { name, role };
    const seat = await api(`/api/rooms/${encodeURIComponent(roomCode)}/join`, { method: "POST", body });
    token = seat.token;
    tokens.set(roomCode, seat.token);
    // The report page finds tokens by room id; never overwrite an interviewer key kept in this browser.
    if (!tokens.get(seat.roomId)) tokens.set(seat.roomId, seat.token);
    show($("join-section"), false);
    announce(`Joined as ${seat.role}.`);
    connect();
  } catch (error) {
    announce(joinRefusal(error), "error");
  } finally {
    button.disabled = false;
  }
});

/** What a person can do about a refused join; the server gives every refused seat one answer (404), on purpose. */
function joinRefusal(error) {
  switch (error.status) {
    case 404:
      return observerKey
        ? "This observer link does not open a seat: the interview may have ended, or the link may be incomplete. Ask the interviewer for the link again."
        : "This link does not open a seat: the room may already have its candidate or may have ended, or the code may be mistyped. Check the link with your interviewer.";
    case 429:
      return error.message || "Too many attempts from this network. Wait a minute, then try again.";
    default:
      return error.message;
  }
}

// ---- connection ---------------------------------------------------------------------------------------

function connect() {
  show($("live"), true);
  connection = hubConnection(token);
  const handle = fn => payload => {
    if (state) fn(payload);
    else queue.push(() => fn(payload));
  };
  // A push to the whole room: its number is checked as it arrives (a gap reads the state again); a stale one is
  // already in the state and is dropped.
  const numbered = fn => {
    const apply = handle(fn);
    return payload => { if (pushes.observe(payload?.seq) !== "stale") apply(payload); };
  };

  connection.on("QuestionAsked", numbered(turn => {
    upsertTurn(state, turn);
    render();
    announce(`New question: ${turn.questionText}`);
    acknowledge(state.currentTurn);
    answerBox.focus();
  }));
  connection.on("QuestionDelivered", numbered(turn => { upsertTurn(state, turn); render(); }));
  connection.on("AnswerSubmitted", numbered(turn => { upsertTurn(state, turn); render(); }));
  connection.on("TimeUp", numbered(turn => {
    upsertTurn(state, turn);
    render();
    announce(isCandidate() ? "Time is up. You can still send your answer; it will be marked late." : "Time is up.");
  }));
  connection.on("FeedbackRevealed", numbered(turn => {
    upsertTurn(state, turn);
    render();
    announce(`Feedback on question ${turn.ordinal} is available.`);
  }));
  connection.on("ParticipantJoined", numbered(p => {
    upsertParticipant(state, p);
    render();
    if (p.participantId !== state.you?.participantId) announce(`${p.name} joined (${p.role}).`);
  }));
  connection.on("ParticipantLeft", numbered(p => {
    upsertParticipant(state, p);
    render();
    if (p.participantId !== state.you?.participantId) announce(`${p.name} left.`);
  }));
  connection.on("RoomEnded", numbered(event => {
    state.endedAt = event.endedAt ?? new Date().toISOString();
    render();
    announce("The interview has ended.");
    sync();
  }));
  followSeatMoves(connection, { token, state: () => state, resync: sync });

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
    const fresh = await pushes.read(() => syncState(connection, clock));
    fresh.turns ??= [];
    fresh.participants ??= [];
    const elsewhere = otherPageFor(fresh, token, "candidate");
    if (elsewhere) {
      tokens.set(fresh.roomId, token);
      openPage(elsewhere, "You are the interviewer in this room; opening the interviewer page.");
      return;
    }
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

// ---- rendering ----------------------------------------------------------------------------------------

function render() {
  if (!state || isLeaving()) return;
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

  answerBox.renderTurn(candidate, ended);
  renderFeedback();
  renderParticipants();
  renderRoundAndClass(state, token);
  tick();
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
