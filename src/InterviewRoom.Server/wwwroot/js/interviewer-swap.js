// Swapping roles (the interviewer's "Swap roles" card): the candidate becomes the interviewer and the interviewer
// the candidate, and a new round begins. Confirmed in the page like ending; RolesSwapped then sends each person
// to the page of their new role (room-moves.js).
import { announce, hubMessage } from "./common.js";
import { openStatuses, setText, show } from "./candidate-interviewer-shared.js";

export function createSwap(ctx) {
  const $ = id => document.getElementById(id);
  const button = $("swap-roles");
  const confirmBox = $("swap-confirm");
  const confirmButton = $("confirm-swap");
  let swapping = false;

  button.addEventListener("click", () => {
    show(confirmBox, true);
    confirmButton.focus();
  });
  $("cancel-swap").addEventListener("click", () => {
    show(confirmBox, false);
    button.focus();
  });
  confirmButton.addEventListener("click", swap);

  const candidate = () => ctx.state?.participants.find(p => p.role === "candidate") ?? null;

  /** Why the swap cannot happen now (the server refuses the same cases), or null. */
  function blocker() {
    const state = ctx.state;
    if (!state) return "Loading the room…";
    if (ctx.ended) return "The interview has ended.";
    if (!candidate()) return "A candidate has to join before you can swap roles.";
    const turn = state.currentTurn;
    if (turn && openStatuses.has(turn.status)) {
      return `Question ${turn.ordinal} is still open: swap roles after the answer or the time-up.`;
    }
    return null;
  }

  async function swap() {
    if (swapping || blocker()) return;
    swapping = true;
    render();
    try {
      const result = await ctx.connection.invoke("SwapRoles");
      show(confirmBox, false);
      announce(`Roles swapped: round ${result.round} begins. Opening the candidate page…`);
      await ctx.sync(); // GetState says "candidate" now, so the page moves on to /join
    } catch (error) {
      announce(ctx.connection.state === signalR.HubConnectionState.Connected
        ? hubMessage(error)
        : "The connection dropped while swapping. Once it is back, the room shows whether the roles changed.", "error");
    } finally {
      swapping = false;
      render();
    }
  }

  function render() {
    const reason = blocker();
    button.disabled = Boolean(reason) || swapping;
    confirmButton.disabled = Boolean(reason) || swapping;
    setText(confirmButton, swapping ? "Swapping…" : "Yes, swap roles");
    if (reason) show(confirmBox, false);
    const partner = candidate();
    setText($("swap-partner"), partner?.name ?? "the candidate");
    setText($("swap-hint"), reason ?? `${partner.name} becomes the interviewer and you become the candidate; ` +
      `round ${(ctx.state.round ?? 1) + 1} begins. Questions and scores so far stay in the report.`);
  }

  return { render };
}
