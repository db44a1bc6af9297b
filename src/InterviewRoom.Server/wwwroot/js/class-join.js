// Joining a class (/class/join/{classCode}): a name, POST /api/classes/{code}/join, then the class lobby with the
// student's class token in the fragment (and kept in localStorage for reloads).
import { api, announce } from "./common.js";
import { classTokens } from "./class-common.js";

const $ = id => document.getElementById(id);
const codeFromPath = decodeURIComponent(location.pathname.split("/").filter(Boolean)[2] ?? "").replace(/\s+/g, "").toUpperCase();
const form = $("join-form");
const nameInput = $("join-name");
const codeInput = $("join-code");
const button = $("join-submit");

$("class-code").textContent = codeFromPath;
if (!codeFromPath) {
  $("class-code").hidden = true;
  $("code-field").hidden = false;
}
showAlreadyJoined(codeFromPath);
nameInput.focus();

function showAlreadyJoined(code) {
  const classId = code ? classTokens.classOfCode.get(code) : null;
  if (!classId || !classTokens.student.get(classId)) return;
  $("already-joined-link").href = `/class/${encodeURIComponent(classId)}/lobby`;
  $("already-joined").hidden = false;
}

function showError(title, text) {
  $("join-error-title").textContent = title;
  $("join-error-text").textContent = text;
  $("join-error").hidden = false;
  announce(text, "error");
}

/** A sentence for every refusal the join endpoint documents; the server's own detail where it gave one. */
function explain(error, code) {
  const detail = error.problem?.detail;
  const firstFieldError = Object.values(error.problem?.errors ?? {}).flat()[0];
  switch (error.status) {
    case 404:
      return ["No open class with this code",
        `There is no open class with the code ${code}. Check the code with your instructor: the class may have ended, or the code may be mistyped.`];
    case 400:
      return ["Check your name", detail || firstFieldError || "The server did not accept this name. Use 1 to 80 characters."];
    case 429:
      return ["Too many attempts", detail || "Too many join attempts from this network. Wait a minute, then try again."];
    default:
      return ["Could not join the class", error.status
        ? `${error.message} (HTTP ${error.status}). Try again in a moment.`
        : "The server could not be reached. Check your connection and try again."];
  }
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  const code = (codeFromPath || codeInput.value).replace(/[\s-]+/g, "").toUpperCase();
  const name = nameInput.value.trim();
  $("join-error").hidden = true;
  nameInput.removeAttribute("aria-invalid");
  codeInput.removeAttribute("aria-invalid");
  if (!code) {
    codeInput.setAttribute("aria-invalid", "true");
    codeInput.focus();
    showError("Enter the class code", "Enter the class code your instructor gave you.");
    return;
  }
  if (!name) {
    nameInput.setAttribute("aria-invalid", "true");
    nameInput.focus();
    showError("Enter your name", "Enter your name to join the class.");
    return;
  }

  button.disabled = true;
  announce("Joining the class…");
  try {
    const joined = await api(`/api/classes/${encodeURIComponent(code)}/join`, { method: "POST", body: { name } });
    classTokens.student.set(joined.classId, joined.token);
    classTokens.classOfCode.set(code, joined.classId);
    announce("Joined. Opening the class lobby…");
    location.assign(`/class/${encodeURIComponent(joined.classId)}/lobby#key=${encodeURIComponent(joined.token)}`);
  } catch (error) {
    const [title, text] = explain(error, code);
    if (error.status === 400) nameInput.setAttribute("aria-invalid", "true");
    showError(title, text);
    button.disabled = false;
  }
});
