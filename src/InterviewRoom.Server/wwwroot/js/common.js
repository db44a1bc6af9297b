// Shared by every page: HTTP calls with problem-details errors, the hub connection, the server clock,
// tokens kept per room in localStorage. Pages never build HTML from data: text goes in via textContent.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.status = status;
    this.problem = problem;
    /** The server's stable error code (docs/protocol.md, "Error codes"); branch on this, never on the wording. */
    this.code = problem?.code ?? null;
  }
}

/** Calls the JSON API; throws ApiError with the server's problem details on failure. */
export async function api(path, { method = "GET", token, body, accept = "application/json" } = {}) {
  const headers = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  if (accept !== "application/json") return response.blob();
  return response.status === 204 ? null : response.json();
}

/** Reconnects for ever: 0, 1, 2, 5 s, then every 10 s (the default gives up after four tries). */
const retryForever = { nextRetryDelayInMilliseconds: ctx => [0, 1000, 2000, 5000][ctx.previousRetryCount] ?? 10000 };

/**
 * A hub connection, with the room token when there is one (the matchmaking hub needs none); the caller wires
 * events, then calls start().
 */
export function hubConnection(token, path = "/hubs/interview") {
  return new signalR.HubConnectionBuilder()
    .withUrl(path, token ? { accessTokenFactory: () => token } : {})
    .withAutomaticReconnect(retryForever)
    .configureLogging(signalR.LogLevel.Warning)
    .build();
}

/** The hub's refusal as the server wrote it: "[code] words", without SignalR's "…HubException: " prefix. */
function hubRefusal(error) {
  const text = String(error?.message ?? error);
  const marker = "HubException: ";
  const refusal = text.includes(marker) ? text.slice(text.indexOf(marker) + marker.length) : text;
  const coded = /^\[([a-z_]+)\] ([\s\S]*)$/.exec(refusal);
  return coded ? { code: coded[1], message: coded[2] } : { code: null, message: refusal };
}

/** The hub's error text for people (no SignalR prefix, no code). */
export function hubMessage(error) {
  return hubRefusal(error).message;
}

/** The hub's stable error code (docs/protocol.md, "Error codes"), or null for a failure that is not a refusal. */
export function hubCode(error) {
  return hubRefusal(error).code;
}

/** Server clock: offset = serverTime - local time when GetState answered (half the round trip added). */
export class ServerClock {
  offsetMs = 0;
  sync(serverTime, sentAt, receivedAt) {
    this.offsetMs = Date.parse(serverTime) + (receivedAt - sentAt) / 2 - receivedAt;
  }
  now() { return Date.now() + this.offsetMs; }
  remainingMs(deadline) { return Math.max(0, Date.parse(deadline) - this.now()); }
}

/** GetState, timing the call so the clock offset can be estimated. */
export async function getState(connection, clock) {
  const sentAt = Date.now();
  const state = await connection.invoke("GetState");
  clock.sync(state.serverTime, sentAt, Date.now());
  return state;
}

export function formatClock(ms) {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

export function formatDuration(ms) {
  if (ms == null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Tokens per room (interviewer: by room id; candidate/observer: by room code). */
export const tokens = {
  get: key => localStorage.getItem(`interviewroom.token.${key}`),
  set: (key, token) => localStorage.setItem(`interviewroom.token.${key}`, token),
};

/** A token handed over in the URL fragment (#key=…): never sent to the server, never in its logs. */
export function tokenFromFragment() {
  const key = new URLSearchParams(location.hash.slice(1)).get("key");
  return key || null;
}

/** Takes the fragment out of the address bar and the history entry, so the token is not left on screen. */
export function stripFragment() {
  if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
}

/** Creates an element with text (never HTML) and attributes. */
export function el(tag, { text, className, attrs = {} } = {}, children = []) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A fresh client request id (works on plain-http LAN addresses too, where crypto.randomUUID is missing). */
export function newRequestId() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, "0")).join("");
}

const statusTimes = { info: 5000, error: 12000 };
let statusTimer = 0;
let statusPlacing = false;

/**
 * Shows a message in the page's live status region (role="status"), a toast that clears itself (information
 * after 5 s, errors after 12 s or as soon as the person types or changes something, which is them fixing it).
 * It sits at the bottom of the window unless that would cover the focused control or a visible main button
 * (.btn-primary); then at the top.
 */
export function announce(text, kind = "info") {
  const region = document.querySelector("[data-testid=status]");
  if (!region) return;
  region.textContent = text;
  region.dataset.kind = kind;
  clearTimeout(statusTimer);
  if (!text) return;
  statusTimer = setTimeout(() => clearStatus(region, text), statusTimes[kind] ?? statusTimes.info);
  if (kind === "error") {
    const fixed = () => clearStatus(region, text);
    document.addEventListener("input", fixed, { once: true, capture: true });
    document.addEventListener("change", fixed, { once: true, capture: true });
  }
  watchPlacement(region);
  placeStatus(region);
}

function clearStatus(region, shown) {
  if (region.textContent === shown) region.textContent = "";
}

function watchPlacement(region) {
  if (statusPlacing) return;
  statusPlacing = true;
  const again = () => { if (region.textContent) placeStatus(region); };
  for (const event of ["focusin", "scroll", "resize"]) window.addEventListener(event, again, { passive: true, capture: true });
}

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function placeStatus(region) {
  const keepClear = [document.activeElement, ...document.querySelectorAll(".btn-primary")]
    .filter(node => node && node !== document.body && node.getClientRects().length)
    .map(node => node.getBoundingClientRect())
    .filter(rect => rect.width && rect.height && rect.bottom > 0 && rect.top < window.innerHeight);
  for (const placement of ["bottom", "top"]) {
    region.dataset.placement = placement;
    const toast = region.getBoundingClientRect();
    if (!keepClear.some(rect => overlaps(rect, toast))) return;
  }
  // Both would cover something: the loop left it at the top, away from where the answer and its button usually are.
}
