// Home page: create a room (you become its interviewer), jump to a room by its code, find a practice partner,
// run a class (you become its instructor) or join one by its code.
import { api, tokens, announce } from "./common.js";
import { store } from "./candidate-interviewer-shared.js";

const createForm = document.getElementById("create-form");
const joinForm = document.getElementById("join-form");

createForm.addEventListener("submit", async event => {
  event.preventDefault();
  const button = createForm.querySelector("[data-testid=create-room]");
  const interviewerName = document.getElementById("interviewer-name").value.trim();
  const title = document.getElementById("room-title").value.trim();
  const body = {};
  if (interviewerName) body.interviewerName = interviewerName;
  if (title) body.title = title;
  button.disabled = true;
  announce("Creating the room…");
  try {
    const room = await api("/api/rooms", { method: "POST", body });
    tokens.set(room.roomId, room.interviewerToken);
    // Not a secret: lets the room page show the candidate link before its hub connection is up.
    store.set(`interviewroom.roomcode.${room.roomId}`, room.roomCode);
    announce("Room created. Opening it…");
    location.assign(`/room/${encodeURIComponent(room.roomId)}#key=${encodeURIComponent(room.interviewerToken)}`);
  } catch (error) {
    announce(`Could not create the room: ${error.message}`, "error");
    button.disabled = false;
  }
});

joinForm.addEventListener("submit", event => {
  event.preventDefault();
  const input = document.getElementById("join-code");
  const code = input.value.replace(/\s+/g, "").toUpperCase();
  if (!code) {
    announce("Enter the room code you were given.", "error");
    input.focus();
    return;
  }
  location.assign(`/join/${encodeURIComponent(code)}`);
});

const classForm = document.getElementById("class-form");
const joinClassForm = document.getElementById("join-class-form");

classForm.addEventListener("submit", async event => {
  event.preventDefault();
  const button = classForm.querySelector("[data-testid=create-class]");
  const nameInput = document.getElementById("class-name");
  const name = nameInput.value.trim();
  const instructorName = document.getElementById("instructor-name").value.trim();
  if (!name) {
    announce("Give the class a name.", "error");
    nameInput.setAttribute("aria-invalid", "true");
    nameInput.focus();
    return;
  }
  nameInput.removeAttribute("aria-invalid");
  const body = { name };
  if (instructorName) body.instructorName = instructorName;
  button.disabled = true;
  announce("Creating the class…");
  try {
    const created = await api("/api/classes", { method: "POST", body });
    announce("Class created. Opening its dashboard…");
    location.assign(`/class/${encodeURIComponent(created.classId)}#key=${encodeURIComponent(created.instructorToken)}`);
  } catch (error) {
    announce(`Could not create the class: ${error.message}`, "error");
    button.disabled = false;
  }
});

joinClassForm.addEventListener("submit", event => {
  event.preventDefault();
  const input = document.getElementById("join-class-code");
  const code = input.value.replace(/\s+/g, "").toUpperCase();
  if (!code) {
    announce("Enter the class code your instructor gave you.", "error");
    input.focus();
    return;
  }
  location.assign(`/class/join/${encodeURIComponent(code)}`);
});

// The buttons start disabled in the HTML: pressing Enter before this module has run would submit the form
// natively, reloading the page and dropping what was typed. Now the handlers are attached, allow it.
for (const form of [createForm, joinForm, classForm, joinClassForm]) {
  form.querySelector("button[type=submit]").disabled = false;
}
