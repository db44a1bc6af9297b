// The instructor's class dashboard (/class/{classId}#key=…): share the class, arrange rooms, push questions and
// watch every room live. The state comes from GetClass on every (re)connect; ClassChanged replaces it,
// ClassRoomChanged replaces one room. Text from the server only ever goes in via textContent.
import { announce, hubMessage } from "./common.js";
import { startWithRetry, stopOnLeave, copyFrom } from "./candidate-interviewer-shared.js";
import {
  classIdFromPath, classTokens, takeFragmentToken, classConnection, getClass, normalizeClass, normalizeRoom, applyStudents,
  isConnected, newClock, plural, wireBanner,
} from "./class-common.js";
import { createRooms } from "./class-dashboard-rooms.js";
import { createStudents } from "./class-dashboard-students.js";
import { createQuestionSet } from "./class-dashboard-set.js";
import { createPush } from "./class-dashboard-push.js";

const $ = id => document.getElementById(id);
const classId = classIdFromPath();
const banner = document.querySelector("[data-testid=reconnecting]");
const modeWords = { lobby: "Everyone is in the lobby", pairs: "Pairs", panel: "Panel" };

const fragmentToken = takeFragmentToken();
if (fragmentToken && classId) classTokens.instructor.set(classId, fragmentToken);
const token = fragmentToken || (classId ? classTokens.instructor.get(classId) : null);

/** Shared by the dashboard's modules. */
const ctx = {
  classId,
  token,
  clock: newClock(),
  connection: null,
  state: null,
  ended: false,
  render,
  apply,
  call,
  roomCode: roomId => ctx.state?.rooms.find(r => r.roomId === roomId)?.roomCode ?? null,
  liveRooms: () => (ctx.state?.rooms ?? []).filter(r => !r.endedAt && r.phase !== "ended"),
};


if (!classId || !token) {
  $("no-token").hidden = false;
} else {
  main();
}

function main() {
  $("dashboard").hidden = false;
  const instructorUrl = `${location.origin}/class/${encodeURIComponent(classId)}#key=${encodeURIComponent(token)}`;
  const reportUrl = `/class/${encodeURIComponent(classId)}/report#key=${encodeURIComponent(token)}`;
  $("instructor-link").href = instructorUrl;
  $("instructor-link").textContent = instructorUrl;
  $("report-link").href = reportUrl;
  $("ended-report-link").href = reportUrl;
  for (const button of document.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", () => copyFrom($(button.dataset.copy), button.getAttribute("aria-label")));
  }

  ctx.rooms = createRooms(ctx);
  ctx.students = createStudents(ctx);
  ctx.set = createQuestionSet(ctx);
  ctx.push = createPush(ctx);
  wireEnd();

  const connection = classConnection(token);
  ctx.connection = connection;
  // Events that arrive before the first GetClass answer are covered by that answer.
  connection.on("ClassChanged", state => { if (ctx.state) apply(state); });
  connection.on("ClassRoomChanged", room => {
    if (!ctx.state || !room) return;
    normalizeRoom(room);
    const index = ctx.state.rooms.findIndex(r => r.roomId === room.roomId);
    if (index >= 0) room.earlier = ctx.state.rooms[index].earlier;
    if (index >= 0) ctx.state.rooms[index] = room;
    else ctx.state.rooms.push(room);
    ctx.rooms.renderRoom(room);
    ctx.students.render();
  });
  connection.on("StudentsChanged", changed => { if (applyStudents(ctx.state, changed)) renderStudents(); });
  connection.on("Assigned", event => {
    if (!ctx.state) return;
    ctx.state.you.seat = event?.seat ?? null;
    ctx.students.render();
    if (event?.seat) announce(`Your interviewer seat is ready in room ${event.seat.roomCode}.`);
  });
  connection.on("ClassEnded", event => {
    if (!ctx.state) return;
    ctx.state.endedAt = event?.endedAt ?? new Date().toISOString();
    render();
    announce("The class has ended.");
    sync();
  });
  wireBanner(connection, banner, $("reconnecting-text"), sync);
  stopOnLeave(connection);
  setInterval(() => ctx.rooms.tick(), 250);
  start();
}

async function start() {
  const connected = await startWithRetry(ctx.connection, banner, () => {
    $("dashboard").hidden = true;
    $("no-token-title").textContent = "This instructor key is not valid";
    $("no-token-text").textContent =
      "The key in this link does not open this class. Check that you copied the whole instructor link.";
    $("no-token").hidden = false;
    announce("The instructor key is not valid for this class.", "error");
  });
  if (!connected) return;
  await sync();
  ctx.set.loadBank();
}

async function sync() {
  try {
    const state = await getClass(ctx.connection, ctx.clock);
    if (!state.you.isInstructor) {
      announce("This key belongs to a student: opening the class lobby.", "error");
      classTokens.student.set(classId, token);
      location.replace(`/class/${encodeURIComponent(classId)}/lobby#key=${encodeURIComponent(token)}`);
      return;
    }
    apply(state);
  } catch (error) {
    announce(`Could not load the class: ${hubMessage(error)}`, "error");
  }
}

/**
 * A whole ClassState (from GetClass, an event or a method's answer) replaces what the page shows. The server
 * lists only the open rooms: rooms the page knew that are gone from the list were ended (a new round, a panel),
 * and stay visible under "Earlier rooms" until the page is reloaded.
 */
function apply(state) {
  if (!state) return;
  const previous = ctx.state;
  const next = normalizeClass(state);
  if (!next.you.isInstructor && previous) next.you = previous.you;
  const listed = new Set(next.rooms.map(r => r.roomId));
  for (const room of previous?.rooms ?? []) {
    if (listed.has(room.roomId)) continue;
    next.rooms.push({ ...room, earlier: true, current: null, phase: "ended", endedAt: room.endedAt ?? next.serverTime });
  }
  ctx.state = next;
  render();
}

/** The header line: arrangement, students online, rooms (open ones; after the end, the rooms the class had). */
function renderSummary() {
  const state = ctx.state;
  const online = state.students.filter(s => s.online).length;
  const rooms = ctx.ended
    ? `${plural(state.rooms.filter(r => !r.earlier).length, "room")} (ended)`
    : plural(ctx.liveRooms().length, "room");
  $("class-summary").textContent = [
    state.mode === "lobby" ? modeWords.lobby : `${modeWords[state.mode] ?? state.mode}, round ${state.round}`,
    `${plural(state.students.length, "student")} (${online} online)`,
    rooms,
  ].join(" · ");
}

function renderStudents() {
  renderSummary();
  ctx.students.render();
}

function render() {
  const state = ctx.state;
  if (!state) return;
  ctx.ended = Boolean(state.endedAt);
  document.body.classList.toggle("class-is-ended", ctx.ended);
  const name = state.name || "Class";
  $("class-name").textContent = name;
  document.title = `${name} — Class dashboard — InterviewRoom`;
  renderSummary();
  $("class-ended").hidden = !ctx.ended;

  $("class-code").textContent = state.code;
  const joinUrl = `${location.origin}/class/join/${encodeURIComponent(state.code)}`;
  $("student-join-link").href = joinUrl;
  $("student-join-link").textContent = joinUrl;

  ctx.students.render();
  ctx.set.render();
  ctx.push.render();
  ctx.rooms.renderAll();
  for (const control of document.querySelectorAll(".control")) {
    if (ctx.ended) control.disabled = true;
  }
}

/** Invokes an instructor method once (none of them is safe to repeat blindly); errors go to the status line. */
async function call(method, args = [], { button } = {}) {
  if (ctx.ended) {
    announce("The class has ended.", "error");
    return undefined;
  }
  if (!isConnected(ctx.connection)) {
    announce("Not connected to the class right now. Wait for the connection to come back, then try again.", "error");
    return undefined;
  }
  if (button) button.disabled = true;
  try {
    return await ctx.connection.invoke(method, ...args);
  } catch (error) {
    announce(isConnected(ctx.connection)
      ? hubMessage(error)
      : "The connection dropped during the call. Check the dashboard once reconnected before trying again.", "error");
    return undefined;
  } finally {
    if (button) button.disabled = false;
    render();
  }
}

function wireEnd() {
  const confirm = $("end-confirm");
  $("end-class").addEventListener("click", () => {
    confirm.hidden = false;
    $("cancel-end").focus();
  });
  $("cancel-end").addEventListener("click", () => {
    confirm.hidden = true;
    $("end-class").focus();
  });
  $("confirm-end").addEventListener("click", async () => {
    confirm.hidden = true;
    await call("EndClass", [], { button: $("confirm-end") });
    if (!ctx.ended) await sync();
  });
}
