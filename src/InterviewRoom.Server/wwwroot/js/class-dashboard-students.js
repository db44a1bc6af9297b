// The students of the class dashboard and what the instructor does with them: pair everyone, interview one in a
// panel, move one to another room (or back to the lobby). Selects keep the chosen value across redraws.
import { el, announce } from "./common.js";
import { roleWords, presence, plural } from "./class-common.js";

const $ = id => document.getElementById(id);

export function createStudents(ctx) {
  const panelSelect = $("panel-student");
  const moveStudent = $("move-student");
  const moveTarget = $("move-target");
  const moveRole = $("move-role");

  $("pair-students").addEventListener("click", async event => {
    const odd = $("pair-odd").value;
    const state = await ctx.call("PairStudents", [odd], { button: event.currentTarget });
    if (!state) return;
    ctx.apply(state);
    const rooms = ctx.liveRooms().length;
    announce(`Round ${state.round}: ${plural(rooms, "room")} opened. Students are being sent to their rooms.`);
  });

  $("start-panel").addEventListener("click", async event => {
    const studentId = panelSelect.value;
    if (!studentId) {
      announce("Choose the student to interview.", "error");
      panelSelect.focus();
      return;
    }
    const state = await ctx.call("StartPanel", [studentId], { button: event.currentTarget });
    if (!state) return;
    ctx.apply(state);
    announce(ctx.state.you.seat
      ? "Panel started: open the interview room from the link under the panel controls."
      : "Panel started.");
  });

  moveTarget.addEventListener("change", () => { moveRole.disabled = !moveTarget.value || ctx.ended; });
  $("move-button").addEventListener("click", async event => {
    const studentId = moveStudent.value;
    if (!studentId) {
      announce("Choose the student to move.", "error");
      moveStudent.focus();
      return;
    }
    const roomId = moveTarget.value || null;
    const state = await ctx.call("MoveStudent", [studentId, roomId, moveRole.value], { button: event.currentTarget });
    if (!state) return;
    ctx.apply(state);
    const name = ctx.state.students.find(s => s.studentId === studentId)?.name ?? "The student";
    announce(roomId
      ? `${name} moved to room ${ctx.roomCode(roomId) ?? ""} as ${roleWords[moveRole.value]?.toLowerCase()}.`
      : `${name} moved back to the lobby.`);
  });

  function render() {
    const state = ctx.state;
    if (!state) return;
    const students = [...state.students].sort((a, b) => a.name.localeCompare(b.name));
    const online = students.filter(s => s.online).length;
    $("students-count").textContent = students.length
      ? `${plural(students.length, "student")}, ${online} online.`
      : "Nobody has joined yet. Share the class code or the join link.";
    $("students").replaceChildren(...students.map(studentItem));

    fillSelect(panelSelect, [["", "Choose a student…"], ...students.map(s => [s.studentId, studentLabel(s)])]);
    fillSelect(moveStudent, [["", "Choose a student…"], ...students.map(s => [s.studentId, studentLabel(s)])]);
    fillSelect(moveTarget, [["", "The lobby (no room)"], ...ctx.liveRooms().map(r => [r.roomId, roomLabel(r)])]);
    moveRole.disabled = !moveTarget.value || ctx.ended;
    $("pair-students").disabled = ctx.ended || students.length < 2;
    $("pair-students").title = students.length < 2 ? "Pairing needs at least two students." : "";
    $("start-panel").disabled = ctx.ended || students.length === 0;
    $("move-button").disabled = ctx.ended || students.length === 0;
    renderYourSeat();
  }

  function studentItem(student) {
    const roomCode = student.roomId ? ctx.roomCode(student.roomId) : null;
    const where = student.roomId
      ? `${roleWords[student.role] ?? student.role ?? "Seated"} in room ${roomCode ?? "…"}`
      : "In the lobby";
    return el("li", {
      className: `cl-student${student.online ? " is-online" : ""}`,
      attrs: { "data-testid": "student", "data-student-id": student.studentId },
    }, [
      el("span", { className: "cl-student-name", text: student.name }),
      presence(student.online),
      el("span", { className: "cl-student-where", text: where, attrs: { "data-testid": "student-where" } }),
      el("span", {
        className: "cl-student-counts",
        text: `asked ${student.interviewed} · answered ${student.answered}`,
        attrs: { "data-testid": "student-counts" },
      }),
    ]);
  }

  function roomLabel(room) {
    const names = room.seats.map(s => s.name).join(", ");
    return `Room ${room.roomCode}${names ? ` (${names})` : ""}`;
  }

  function renderYourSeat() {
    const seat = ctx.ended ? null : ctx.state.you.seat;
    $("your-seat").hidden = !seat;
    if (!seat) return;
    $("your-seat-text").textContent = `You are the ${roleWords[seat.role]?.toLowerCase() ?? seat.role} in room ${seat.roomCode}. `;
    $("your-seat-link").href = `${seat.roomUrl}#key=${encodeURIComponent(ctx.token)}`;
  }

  return { render };
}

function studentLabel(student) {
  return `${student.name}${student.online ? "" : " (offline)"}`;
}

/** Replaces a select's options, keeping the chosen value when it is still there. */
function fillSelect(select, options) {
  const chosen = select.value;
  const same = select.options.length === options.length
    && options.every(([value, text], i) => select.options[i].value === value && select.options[i].textContent === text);
  if (same) return;
  select.replaceChildren(...options.map(([value, text]) => el("option", { text, attrs: { value } })));
  if (options.some(([value]) => value === chosen)) select.value = chosen;
}
