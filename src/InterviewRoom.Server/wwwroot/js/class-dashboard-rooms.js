// The live rooms grid of the class dashboard: one card per room with its seats, phase, countdown (drawn from the
// turn's deadline on the server clock) and the score of every answer. A ClassRoomChanged redraws one card.
import { el, formatClock, formatDuration } from "./common.js";
import { remaining, roleWords, phaseWords, statusWords, scoreWords, presence } from "./class-common.js";

const $ = id => document.getElementById(id);
const openStatuses = new Set(["asked", "answering"]);
const roleOrder = { interviewer: 0, candidate: 1, observer: 2 };

export function createRooms(ctx) {
  const grid = $("rooms");
  const earlierGrid = $("earlier-rooms");

  // The main grid: the open rooms, or once the class has ended, the rooms it ended with. Rooms of earlier
  // rounds (kept by the page since it opened) go under "Earlier rooms".
  const isMain = room => !room.earlier && (ctx.ended || (!room.endedAt && room.phase !== "ended"));

  function renderAll() {
    const rooms = ctx.state?.rooms ?? [];
    const live = rooms.filter(isMain).sort(byCode);
    const earlier = rooms.filter(r => !isMain(r)).sort((a, b) => b.round - a.round || byCode(a, b));
    grid.replaceChildren(...live.map(card));
    earlierGrid.replaceChildren(...earlier.map(card));
    $("rooms-empty").hidden = live.length > 0;
    $("earlier").hidden = earlier.length === 0;
    $("earlier-summary").textContent = `Earlier rooms (${earlier.length})`;
    tick();
  }

  /** Redraws one room's card in place; a room that just appeared or ended moves between the two grids. */
  function renderRoom(room) {
    const existing = document.querySelector(`[data-testid=room-card][data-room-id="${CSS.escape(room.roomId)}"]`);
    const inRightGrid = existing && existing.parentElement === (isMain(room) ? grid : earlierGrid);
    if (!inRightGrid) {
      renderAll();
      return;
    }
    existing.replaceWith(card(room));
    tick();
  }

  /** Every visible countdown, four times a second. */
  function tick() {
    for (const node of document.querySelectorAll("[data-testid=room-countdown][data-deadline]")) {
      const ms = remaining(ctx.clock, node.dataset.deadline);
      const text = formatClock(ms);
      if (node.textContent !== text) node.textContent = text;
      node.classList.toggle("is-low", ms <= 10000);
    }
  }

  return { renderAll, renderRoom, tick };
}

const byCode = (a, b) => String(a.roomCode).localeCompare(String(b.roomCode));

function card(room) {
  const heading = el("div", { className: "cl-room-head" }, [
    el("h3", { className: "cl-room-title" }, [
      document.createTextNode("Room "),
      el("span", { className: "cl-room-code", text: room.roomCode, attrs: { "data-testid": "room-code" } }),
    ]),
    el("span", { className: "cl-round", text: `Round ${room.round}` }),
    el("span", {
      className: "phase cl-phase", text: phaseWords[room.phase] ?? room.phase,
      attrs: { "data-testid": "room-phase", "data-phase": room.phase },
    }),
  ]);

  const seats = el("ul", { className: "cl-seats", attrs: { "aria-label": "People in this room" } },
    [...room.seats].sort((a, b) => (roleOrder[a.role] ?? 9) - (roleOrder[b.role] ?? 9) || a.name.localeCompare(b.name))
      .map(seat => el("li", { className: `cl-seat${seat.online ? " is-online" : ""}`, attrs: { "data-testid": "room-seat" } }, [
        el("span", { className: "cl-seat-role", text: roleWords[seat.role] ?? seat.role }),
        el("span", { className: "cl-seat-name", text: seat.name }),
        presence(seat.online),
      ])));
  if (!room.seats.length) seats.append(el("li", { className: "muted", text: "Nobody seated" }));

  const children = [heading, seats, currentView(room), turnsView(room)];
  return el("article", {
    className: `card cl-room${room.endedAt ? " is-ended" : ""}`,
    attrs: { "data-testid": "room-card", "data-room-id": room.roomId, "data-phase": room.phase, "aria-label": `Room ${room.roomCode}` },
  }, children);
}

/** The open question (the server's "current"), else the latest one asked in the room. */
function currentView(room) {
  const turn = room.current ?? [...room.turns].sort((a, b) => a.ordinal - b.ordinal).at(-1);
  if (!turn) {
    return el("p", { className: "muted cl-current", text: room.endedAt ? "No question was asked." : "No question asked yet." });
  }
  const open = openStatuses.has(turn.status) && !room.endedAt;
  const facts = [
    fact("Candidate", turn.candidateName ?? "—"),
    open
      ? fact("Time left", el("span", { className: "clock", text: "…", attrs: { "data-testid": "room-countdown", "data-deadline": turn.deadline } }))
      : fact("Time", turnTime(turn), { "data-testid": "room-response-time" }),
  ];
  return el("div", { className: "cl-current", attrs: { "data-testid": "room-current" } }, [
    el("p", { className: "cl-current-question" }, [
      el("span", { className: "cl-ordinal", text: `Q${turn.ordinal}. ` }),
      el("span", { text: turn.questionText, attrs: { "data-testid": "room-question" } }),
    ]),
    el("dl", { className: "cl-facts" }, facts),
  ]);
}

function turnTime(turn) {
  if (turn.status === "submitted") return `${formatDuration(turn.responseTimeMs)}${turn.isLate ? " (late)" : ""}`;
  return statusWords[turn.status] ?? turn.status;
}

function fact(term, value, attrs = {}) {
  return el("div", {}, [el("dt", { text: term }), el("dd", { attrs }, [typeof value === "string" ? document.createTextNode(value) : value])]);
}

function turnsView(room) {
  if (!room.turns.length) return null;
  const turns = [...room.turns].sort((a, b) => a.ordinal - b.ordinal);
  const list = el("ol", { className: "cl-turns", attrs: { "aria-label": `Answers in room ${room.roomCode}` } }, turns.map(turn => {
    const scored = typeof turn.overall === "number";
    return el("li", { className: "cl-turn", attrs: { "data-testid": "room-turn", "data-turn-id": turn.turnId, "data-status": turn.status } }, [
      el("span", { className: "cl-turn-text" }, [
        el("span", { className: "cl-ordinal", text: `Q${turn.ordinal}` }),
        document.createTextNode(` ${turn.candidateName ?? ""} · ${statusWords[turn.status] ?? turn.status}${turn.isLate ? " (late)" : ""}`),
      ]),
      el("span", {
        className: `cl-score${scored ? " is-scored" : ""}${scored && turn.overall <= 2 ? " is-low" : ""}`,
        text: scoreWords(turn), attrs: { "data-testid": "room-score", title: turn.questionText },
      }),
    ]);
  }));
  return el("div", { className: "cl-turns-box" }, [el("h4", { text: `Questions asked (${turns.length})` }), list]);
}
