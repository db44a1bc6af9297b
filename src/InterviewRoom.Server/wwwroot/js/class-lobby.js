// The student's class lobby (/class/{classId}/lobby): connects to /hubs/class with the student's class token,
// shows the class and the classmates online, and opens the student's room as soon as they get a seat.
import { el, announce, hubMessage } from "./common.js";
import { startWithRetry, stopOnLeave } from "./candidate-interviewer-shared.js";
import {
  classIdFromPath, classTokens, takeFragmentToken, classConnection, getClass, normalizeClass, applyStudents,
  newClock, roleWords, presence, plural, wireBanner,
} from "./class-common.js";

const $ = id => document.getElementById(id);
const classId = classIdFromPath();
const banner = document.querySelector("[data-testid=reconnecting]");
const REOPEN_GUARD_MS = 20000; // a seat opened automatically a moment ago is offered as a link, not reopened

const fragmentToken = takeFragmentToken({ strip: true });
if (fragmentToken && classId) classTokens.student.set(classId, fragmentToken);
const token = fragmentToken || (classId ? classTokens.student.get(classId) : null);

const clock = newClock();
let connection = null;
let state = null;
let leaving = false;


if (!classId || !token) {
  $("no-token").hidden = false;
} else {
  main();
}

function main() {
  $("lobby").hidden = false;
  connection = classConnection(token);
  connection.on("Assigned", event => {
    if (!state) return;
    state.you.seat = event?.seat ?? null;
    render();
    if (state.you.seat) openSeat(state.you.seat);
    else announce("You are back in the lobby.");
  });
  connection.on("ClassEnded", event => {
    if (!state) return;
    state.endedAt = event?.endedAt ?? new Date().toISOString();
    render();
    announce("The class has ended.");
  });
  // Meant for the instructor; if it ever reaches a student, take the class but keep our own "you".
  connection.on("ClassChanged", changed => {
    if (!state) return;
    const you = state.you;
    state = normalizeClass(changed);
    state.you = you;
    render();
  });
  // Classmates arriving, leaving and going on- or offline, as it happens.
  connection.on("StudentsChanged", changed => { if (applyStudents(state, changed)) render(); });
  wireBanner(connection, banner, $("reconnecting-text"), sync);
  stopOnLeave(connection);
  start();
}

async function start() {
  const connected = await startWithRetry(connection, banner, () => {
    $("lobby").hidden = true;
    $("no-token-title").textContent = "This class key is not valid";
    $("no-token-text").textContent =
      "The key kept in this browser does not open this class (the class may have ended). Open the class link your instructor shared and join again.";
    $("no-token").hidden = false;
    announce("This class key is not valid.", "error");
  });
  if (connected) await sync({ openSeat: true });
}

async function sync({ openSeat: open = false, quiet = false } = {}) {
  try {
    state = await getClass(connection, clock);
    if (state.you.isInstructor) {
      announce("This key is the instructor's: opening the class dashboard.");
      location.replace(`/class/${encodeURIComponent(classId)}#key=${encodeURIComponent(token)}`);
      return;
    }
    render();
    if (state.you.seat && !state.endedAt && (open || !quiet)) openSeat(state.you.seat);
  } catch (error) {
    if (!quiet) announce(`Could not load the class: ${hubMessage(error)}`, "error");
  }
}

function seatUrl(seat) {
  return `${seat.roomUrl}#key=${encodeURIComponent(token)}`;
}

/** Opens the seat's room page, unless this very seat was opened automatically a moment ago (then: a link). */
function openSeat(seat) {
  if (state?.endedAt || leaving) return;
  const guardKey = `interviewroom.class.opened.${classId}`;
  let last = null;
  try { last = JSON.parse(sessionStorage.getItem(guardKey) ?? "null"); } catch { /* ignore */ }
  if (last?.participantId === seat.participantId && Date.now() - last.at < REOPEN_GUARD_MS) {
    $("lobby-status").textContent = "Your room is ready. Open it with the button below.";
    return;
  }
  try { sessionStorage.setItem(guardKey, JSON.stringify({ participantId: seat.participantId, at: Date.now() })); } catch { /* ignore */ }
  leaving = true;
  $("lobby-status").textContent = `Your room is ready: opening it as ${roleWords[seat.role]?.toLowerCase() ?? seat.role}…`;
  announce("Opening your room…");
  location.assign(seatUrl(seat));
}

function render() {
  if (!state) return;
  const name = state.name || "Class";
  $("class-name").textContent = name;
  document.title = `${name} — Class lobby — InterviewRoom`;
  $("you").textContent = state.you.name ? `You joined as ${state.you.name}.` : "";
  const ended = Boolean(state.endedAt);
  $("class-ended").hidden = !ended;

  const seat = ended ? null : state.you.seat;
  $("seat").hidden = !seat;
  if (seat) {
    $("seat-text").textContent = `Your seat: ${roleWords[seat.role] ?? seat.role} in room ${seat.roomCode}.`;
    $("seat-link").href = seatUrl(seat);
  }
  const status = $("lobby-status");
  status.dataset.state = ended ? "ended" : seat ? "seated" : "waiting";
  if (ended) status.textContent = "This class has ended.";
  else if (!seat) status.textContent = `Waiting for the instructor${state.instructorName ? ` (${state.instructorName})` : ""} to start the next round…`;
  else if (!leaving) status.textContent = "Your room is ready. Open it with the button below.";

  const others = state.students.filter(s => s.studentId !== state.you.studentId);
  const online = others.filter(s => s.online).length;
  $("classmates-count").textContent = others.length
    ? `${plural(others.length, "classmate")}, ${online} online.`
    : "Nobody else has joined yet.";
  $("classmates").replaceChildren(...[...others]
    .sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name))
    .map(s => el("li", { className: `person${s.online ? " is-online" : ""}`, attrs: { "data-testid": "lobby-classmate" } }, [
      el("span", { className: "person-name", text: s.name }),
      presence(s.online),
    ])));
}
