// Shared by the class pages (join, lobby, dashboard, report): the class hub connection, class tokens kept per
// class in localStorage, GetClass timed against the server clock, and the words used for roles and phases.
import { ServerClock, announce, el } from "./common.js";
import { instant } from "./candidate-interviewer-shared.js";

/** The path segment after /class/ (the class id on the lobby, dashboard and report pages). */
export function classIdFromPath() {
  return decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] ?? "");
}

function read(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

function write(key, value) {
  try { localStorage.setItem(key, value); } catch { /* private mode or full: the fragment still works */ }
}

/** A student's class token by class id; the instructor's under its own key, so one browser can be both. */
export const classTokens = {
  student: {
    get: classId => read(`interviewroom.class.${classId}`),
    set: (classId, token) => write(`interviewroom.class.${classId}`, token),
  },
  instructor: {
    get: classId => read(`interviewroom.class.${classId}.instructor`),
    set: (classId, token) => write(`interviewroom.class.${classId}.instructor`, token),
  },
  /** Which class a join code led to in this browser (not a secret). */
  classOfCode: {
    get: code => read(`interviewroom.classcode.${code}`),
    set: (code, classId) => write(`interviewroom.classcode.${code}`, classId),
  },
};

/** The #key=… of the address; with strip, removes the fragment from the address bar and history entry. */
export function takeFragmentToken({ strip = false } = {}) {
  const key = new URLSearchParams(location.hash.slice(1)).get("key") || null;
  if (key && strip) history.replaceState(history.state, "", location.pathname + location.search);
  return key;
}

/** Reconnects for ever: 0, 1, 2, 5 s, then every 10 s. */
const retryForever = { nextRetryDelayInMilliseconds: ctx => [0, 1000, 2000, 5000][ctx.previousRetryCount] ?? 10000 };

/** A connection to /hubs/class with a class token; the caller wires events, then starts it. */
export function classConnection(token) {
  return new signalR.HubConnectionBuilder()
    .withUrl("/hubs/class", { accessTokenFactory: () => token })
    .withAutomaticReconnect(retryForever)
    .configureLogging(signalR.LogLevel.Warning)
    .build();
}

export function isConnected(connection) {
  return connection?.state === signalR.HubConnectionState.Connected;
}

/** GetClass, timed so the clock offset to the server can be estimated (half the round trip added). */
export async function getClass(connection, clock) {
  const sentAt = Date.now();
  const state = await connection.invoke("GetClass");
  const receivedAt = Date.now();
  const serverNow = instant(state.serverTime);
  if (Number.isFinite(serverNow)) clock.offsetMs = serverNow + (receivedAt - sentAt) / 2 - receivedAt;
  return normalizeClass(state);
}

/** The server leaves null members out of its JSON: give every list and optional member a value. */
export function normalizeClass(state) {
  state.questions ??= [];
  state.students ??= [];
  state.rooms = (state.rooms ?? []).map(normalizeRoom);
  state.you ??= { isInstructor: false, name: "" };
  state.you.seat ??= null;
  state.endedAt ??= null;
  return state;
}

/**
 * Applies a StudentsChanged event to a class state's student list: the whole list (all: true) replaces it, a
 * partial one updates the listed students in place (and adds any the page did not know yet, in joining order
 * as the server sent them). Returns whether anything was applied.
 */
export function applyStudents(state, changed) {
  if (!state || !changed || changed.classId !== state.classId) return false;
  const students = changed.students ?? [];
  if (changed.all) {
    state.students = students;
    return true;
  }
  for (const student of students) {
    const index = state.students.findIndex(s => s.studentId === student.studentId);
    if (index >= 0) state.students[index] = student;
    else state.students.push(student);
  }
  return students.length > 0;
}

export function normalizeRoom(room) {
  room.seats ??= [];
  room.turns ??= [];
  room.current ??= null;
  room.endedAt ??= null;
  return room;
}

export function newClock() {
  return new ServerClock();
}

/** Milliseconds left until a server deadline, on the server's clock. */
export function remaining(clock, deadline) {
  const at = instant(deadline);
  return Number.isFinite(at) ? Math.max(0, at - clock.now()) : 0;
}

export const roleWords = { interviewer: "Interviewer", candidate: "Candidate", observer: "Observer" };

export const phaseWords = {
  waiting: "Waiting for a question",
  asked: "Asked — not received yet",
  answering: "Answering",
  submitted: "Submitted",
  timeUp: "Time up",
  scored: "Scored",
  ended: "Ended",
};

export const statusWords = { asked: "Asked", answering: "Answering", submitted: "Answered", timeUp: "Time up", closed: "Closed" };

/** "4 / 5", "Not assessed" or "Not scored": the latest overall score of an answer. */
export function scoreWords(turn) {
  if (turn?.notAssessed) return "Not assessed";
  return typeof turn?.overall === "number" ? `${turn.overall} / 5` : "Not scored";
}

export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A small "online"/"offline" marker: a dot plus the word, so colour is never the only signal. */
export function presence(online) {
  return el("span", { className: `cl-presence${online ? " is-online" : ""}` }, [
    el("span", { className: "cl-dot", attrs: { "aria-hidden": "true" } }),
    el("span", { text: online ? "online" : "offline" }),
  ]);
}

/** Reconnecting banner wiring shared by the lobby and the dashboard; onBack runs after every reconnect. */
export function wireBanner(connection, banner, bannerText, onBack) {
  connection.onreconnecting(() => {
    bannerText.textContent = "Connection lost — reconnecting…";
    banner.hidden = false;
  });
  connection.onreconnected(async () => {
    banner.hidden = true;
    await onBack();
    announce("Reconnected.");
  });
  connection.onclose(() => {
    if (connection.stoppedOnPurpose) return;
    bannerText.textContent = "Disconnected from the class. Reload the page to reconnect.";
    banner.hidden = false;
  });
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function timeElement(value) {
  const at = instant(value);
  if (!Number.isFinite(at)) return el("span", { text: "—" });
  const date = new Date(at);
  return el("time", { text: dateTime.format(date), attrs: { datetime: date.toISOString() } });
}
