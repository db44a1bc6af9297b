// Home page: create a room (you become its interviewer) or jump to a room by its code.
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
