// When a person's seat changes under them, shared by the interviewer and the candidate/observer pages: a role
// swap (RolesSwapped), an instructor moving a class student (SeatMoved), a class room that ended (back to the
// class lobby). The token never changes; only the page that fits the seat does.
import { announce } from "./common.js";
import { setText, show } from "./candidate-interviewer-shared.js";

const key = token => `#key=${encodeURIComponent(token)}`;

/** The page of a seat with its token in the fragment: the room page for the interviewer, the join page otherwise. */
export function seatUrl({ role, roomId, roomCode }, token) {
  return role === "interviewer"
    ? `/room/${encodeURIComponent(roomId)}${key(token)}`
    : `/join/${encodeURIComponent(roomCode)}${key(token)}`;
}

export function classLobbyUrl(classId, token) {
  return `/class/${encodeURIComponent(classId)}/lobby${key(token)}`;
}

/** The page of the person's seat in a room state, when this page is not it (null when it is). */
export function otherPageFor(state, token, pageRole) {
  const role = state.you?.role;
  const fits = pageRole === "interviewer" ? role === "interviewer" : role !== "interviewer";
  return fits ? null : seatUrl({ role, roomId: state.roomId, roomCode: state.roomCode }, token);
}

let leaving = false;

/** True once the page is on its way to another page: nothing more to draw or to ask for. */
export const isLeaving = () => leaving;

/**
 * Opens another page in place of this one (no history entry to come back to a seat that is gone). A change of
 * the fragment alone does not load a page, so the same path is reloaded to pick up the new token.
 */
export function openPage(url, message) {
  if (leaving) return;
  leaving = true;
  if (message) announce(message);
  const target = new URL(url, location.href);
  const samePage = target.pathname === location.pathname && target.search === location.search;
  location.replace(target.href);
  if (samePage) location.reload();
}

/**
 * RolesSwapped: everyone re-reads the room (resync), and the page sends a person whose role changed to the
 * other page. SeatMoved: an instructor moved a class student, to another seat or out of every room.
 */
export function followSeatMoves(connection, { token, state, resync }) {
  connection.on("RolesSwapped", async event => {
    if (leaving) return;
    announce(`Roles swapped: round ${event.round} begins.`);
    await resync();
  });
  connection.on("SeatMoved", event => {
    const classId = state()?.classId;
    if (event.roomId) {
      openPage(seatUrl(event, token), "Your instructor moved you to another room; opening it…");
    } else if (classId) {
      openPage(classLobbyUrl(classId, token), "Your instructor took you out of this room; back to the class…");
    } else {
      announce("You no longer have a seat in this room.", "error");
    }
  });
}

/** The round ("Round 2" after one swap) and, once a class room has ended, the way back to the class lobby. */
export function renderRoundAndClass(state, token) {
  const round = document.getElementById("round");
  setText(round, `Round ${state.round ?? 1}`);
  show(round, true);
  const back = document.getElementById("class-back");
  const inClass = Boolean(state.classId && state.endedAt);
  show(back, inClass);
  if (inClass) document.getElementById("back-to-class").href = classLobbyUrl(state.classId, token);
}
