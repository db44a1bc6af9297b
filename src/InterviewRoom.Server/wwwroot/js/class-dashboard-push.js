// "Push a question to every room": a question of the saved class set (or any bank question, from the bank's
// "Push now"), with an optional time box; the answer says in which rooms it was asked and where not, and why.
import { el, announce } from "./common.js";
import { plural } from "./class-common.js";
import { validSeconds } from "./class-dashboard-set.js";

const $ = id => document.getElementById(id);

export function createPush(ctx) {
  const select = $("push-question");
  const seconds = $("push-seconds");
  const button = $("push-question-button");
  const result = $("push-result");
  let pushing = false;

  button.addEventListener("click", () => {
    const questionId = Number(select.value);
    if (!questionId) {
      announce("The class set is empty: add questions to it and save, or use Push now in the bank.", "error");
      return;
    }
    push(questionId, button);
  });

  /** Pushes one question; the time box field applies when filled in, else the set's (or the question's default). */
  async function push(questionId, trigger) {
    if (pushing) return;
    const limit = seconds.value.trim() === "" ? null : Number(seconds.value);
    if (limit !== null && !validSeconds(limit)) {
      seconds.setAttribute("aria-invalid", "true");
      seconds.focus();
      announce("The time box must be a whole number of seconds from 3 to 3600, or empty.", "error");
      return;
    }
    seconds.removeAttribute("aria-invalid");
    if (!ctx.liveRooms().length) {
      announce("There is no open room to push to. Pair the students or start a panel first.", "error");
      return;
    }
    pushing = true;
    try {
      const answer = await ctx.call("PushQuestion", [questionId, limit], { button: trigger });
      if (answer) show(answer);
    } finally {
      pushing = false;
      render();
    }
  }

  function questionName(questionId) {
    const fromSet = ctx.state?.questions.find(q => q.questionId === questionId);
    const fromBank = ctx.questionById?.(questionId);
    const number = fromSet?.number ?? fromBank?.number;
    const text = fromSet?.text ?? fromBank?.text;
    return number ? `#${number} ${text}` : `Question ${questionId}`;
  }

  function show(answer) {
    const asked = answer.askedRoomIds ?? [];
    const skipped = answer.skipped ?? [];
    const headline = `${questionName(answer.questionId)}: asked in ${plural(asked.length, "room")}`
      + (skipped.length ? `, skipped in ${skipped.length}.` : ".");
    // replaceChildren() would print a null argument as the text "null": add the list only when there is one.
    result.replaceChildren(
      el("p", { className: "cl-push-headline", text: headline, attrs: { "data-testid": "push-headline", "data-asked": asked.length } }));
    if (skipped.length) {
      result.append(el("ul", { className: "cl-skipped" }, skipped.map(skip => el("li", {
        attrs: { "data-testid": "push-skipped", "data-room-id": skip.roomId },
        text: `Room ${ctx.roomCode(skip.roomId) ?? skip.roomId}: ${skip.reason}`,
      }))));
    }
    result.hidden = false;
    result.dataset.kind = asked.length ? "ok" : "warn";
    announce(headline, asked.length ? "info" : "error");
  }

  function render() {
    if (!ctx.state) return;
    const set = ctx.state.questions;
    const options = set.length
      ? set.map(q => [String(q.questionId), `#${q.number} ${shorten(q.text)} (${q.timeLimitSeconds} s)`])
      : [["", "The class set is empty"]];
    const chosen = select.value;
    const same = select.options.length === options.length
      && options.every(([value, text], i) => select.options[i].value === value && select.options[i].textContent === text);
    if (!same) {
      select.replaceChildren(...options.map(([value, text]) => el("option", { text, attrs: { value } })));
      if (options.some(([value]) => value === chosen)) select.value = chosen;
    }
    button.disabled = ctx.ended || !set.length || pushing;
    seconds.disabled = ctx.ended;
  }

  return { render, push };
}

function shorten(text, max = 70) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
