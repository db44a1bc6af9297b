// The practice queue (/queue): join /hubs/matchmaking with what you want to practise and wait, seeing how long
// you have waited and how long the queue keeps you. On Paired the room opens with your own token in the link.
// The ticket lives as long as the connection: a dropped connection means joining again.
import { hubConnection, hubMessage, formatClock } from "./common.js";
import { instant, setText, show, store, stopOnLeave } from "./candidate-interviewer-shared.js";
import { createQueueForm } from "./queue-form.js";

const $ = id => document.getElementById(id);
const banner = document.querySelector("[data-testid=reconnecting]");

let connection = null;
let phase = "idle"; // idle | joining | waiting | paired | out
let waiting = null; // { ticketId, since, lengthMs } while in the queue
let reconnecting = false;

const form = createQueueForm(join);
$("queue-retry").addEventListener("click", () => form.submit());
$("queue-leave").addEventListener("click", leave);
setInterval(tick, 250);
render();

function hub() {
  if (connection) return connection;
  connection = hubConnection(null, "/hubs/matchmaking");
  connection.on("Paired", paired);
  connection.on("QueueClosed", event => {
    if (phase === "paired") return;
    goOut(event.message || "Nobody who fits your choices came in time.");
  });
  connection.onreconnecting(() => {
    reconnecting = true;
    show(banner, true);
    if (phase === "joining" || phase === "waiting") {
      goOut("The connection dropped, and your place in the queue went with it. Join again once it is back.");
    }
    render();
  });
  connection.onreconnected(() => {
    reconnecting = false;
    show(banner, false);
    if (phase === "out") setText($("queue-out-text"), "Connected again. You are not in the queue: press Try again to rejoin.");
    render();
  });
  connection.onclose(() => {
    reconnecting = false;
    show(banner, false);
    if (connection.stoppedOnPurpose) return;
    if (phase === "joining" || phase === "waiting") {
      goOut("The connection to the server closed, so you are out of the queue. Try again to rejoin.");
    }
    render();
  });
  stopOnLeave(connection);
  return connection;
}

async function join(request) {
  if (phase === "joining" || phase === "waiting" || phase === "paired") return;
  phase = "joining";
  status("Joining the queue…");
  render();
  const matchmaking = hub();
  try {
    if (matchmaking.state === signalR.HubConnectionState.Disconnected) {
      matchmaking.stoppedOnPurpose = false;
      await matchmaking.start();
    }
    if (matchmaking.state !== signalR.HubConnectionState.Connected) {
      throw new Error("Still reconnecting to the server; try again in a moment.");
    }
    const ticket = await matchmaking.invoke("JoinQueue", request);
    if (phase === "joining") startWaiting(ticket); // else Paired or QueueClosed came first
  } catch (error) {
    if (phase === "joining") goOut(`Could not join the queue: ${hubMessage(error)}`);
  }
}

function startWaiting(ticket) {
  phase = "waiting";
  waiting = { ticketId: ticket.ticketId, since: Date.now(), lengthMs: instant(ticket.expiresAt) - instant(ticket.joinedAt) };
  const others = Math.max(0, (ticket.waiting ?? 1) - 1);
  setText($("queue-count"), others === 0 ? "Just you so far" : `You and ${others} other${others === 1 ? "" : "s"}`);
  status("In the queue: waiting for a partner who fits your choices.");
  render();
  tick();
  $("queue-leave").focus();
}

function paired(event) {
  if (phase === "paired") return;
  phase = "paired";
  waiting = null;
  const text = `Paired with ${event.partnerName} — you start as ${event.role === "interviewer" ? "the interviewer" : "the candidate"}.`;
  setText($("paired-text"), text);
  status(text);
  const url = roomLink(event);
  $("paired-link").href = url;
  // Not a secret: lets the room page show the candidate link before its hub connection is up (as home.js does).
  if (event.role === "interviewer") store.set(`interviewroom.roomcode.${event.roomId}`, event.roomCode);
  render();
  connection.stoppedOnPurpose = true; // on our way out; pagehide closes the connection
  location.assign(url);
}

/** The server's relative room path (only a same-origin path is followed) with the person's token in the fragment. */
function roomLink(event) {
  const path = typeof event.roomUrl === "string" && /^\/(?![/\\])/.test(event.roomUrl)
    ? event.roomUrl
    : event.role === "interviewer" ? `/room/${encodeURIComponent(event.roomId)}` : `/join/${encodeURIComponent(event.roomCode)}`;
  return `${path}#key=${encodeURIComponent(event.token)}`;
}

async function leave() {
  if (phase !== "waiting") return;
  $("queue-leave").disabled = true;
  try {
    await connection.invoke("LeaveQueue");
  } catch {
    // Closing the connection below takes the ticket out of the queue as well.
  }
  if (phase !== "waiting") return; // Paired or QueueClosed came first
  phase = "idle";
  waiting = null;
  status("You left the queue.");
  connection.stoppedOnPurpose = true;
  await connection.stop().catch(() => {});
  render();
  $("queue-join").focus();
}

/** Out of the queue without a partner: the reason next to "Try again" (which reads it out when focused). */
function goOut(message) {
  phase = "out";
  waiting = null;
  setText($("queue-out-text"), message);
  status("Not in the queue.");
  render();
  if (!reconnecting) $("queue-retry").focus();
}

function status(text) {
  setText($("queue-status"), text);
}

function render() {
  show($("queue-form-card"), phase === "idle" || phase === "joining" || phase === "out");
  show($("queue-waiting"), phase === "waiting");
  show($("queue-paired"), phase === "paired");
  show($("queue-out"), phase === "out");
  $("queue-join").disabled = phase === "joining" || reconnecting;
  setText($("queue-join"), phase === "joining" ? "Joining…" : "Find a partner");
  $("queue-retry").disabled = reconnecting;
  $("queue-leave").disabled = phase !== "waiting";
}

function tick() {
  if (phase !== "waiting" || !waiting) return;
  const elapsed = Date.now() - waiting.since;
  setText($("queue-elapsed"), formatClock(Math.floor(elapsed / 1000) * 1000));
  setText($("queue-remaining"), Number.isFinite(waiting.lengthMs) ? formatClock(Math.max(0, waiting.lengthMs - elapsed)) : "—");
}
