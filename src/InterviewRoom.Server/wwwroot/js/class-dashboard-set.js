// The class's question set (ordered, each with a time box) edited as a draft and saved with SetQuestions, and the
// question bank (GET /api/questions with the instructor token) to add from or to push straight to every room.
import { api, el, announce } from "./common.js";
import { kindLabels } from "./candidate-interviewer-shared.js";

const $ = id => document.getElementById(id);
const SHOWN = 30; // bank matches drawn at once; the search narrows them

export function createQuestionSet(ctx) {
  let draft = [];      // [{ questionId, number, text, timeLimitSeconds }]
  let dirty = false;
  let bank = null;     // the whole bank once loaded
  const list = $("set");
  const search = $("bank-search");

  ctx.questionById = id => bank?.find(q => q.id === id) ?? null;

  $("save-set").addEventListener("click", async event => {
    const invalid = draft.find(q => !validSeconds(q.timeLimitSeconds));
    if (invalid) {
      announce(`The time box of question #${invalid.number} must be 3 to 3600 seconds.`, "error");
      $(`set-time-${invalid.questionId}`)?.focus();
      return;
    }
    const body = draft.map(q => ({ questionId: q.questionId, timeLimitSeconds: q.timeLimitSeconds }));
    const state = await ctx.call("SetQuestions", [body], { button: event.currentTarget });
    if (!state) return;
    dirty = false;
    ctx.apply(state);
    announce(`Question set saved: ${draft.length} ${draft.length === 1 ? "question" : "questions"}.`);
  });
  $("reset-set").addEventListener("click", () => {
    dirty = false;
    render();
    announce("Changes to the question set undone.");
  });
  search.addEventListener("input", renderBank);

  async function loadBank() {
    if (bank) return;
    try {
      bank = await api("/api/questions", { token: ctx.token });
      renderBank();
    } catch (error) {
      $("bank-count").textContent = `Could not load the question bank: ${error.message}`;
    }
  }

  let drawn = "";
  const signature = () => JSON.stringify([ctx.ended, dirty, draft.map(q => [q.questionId, q.timeLimitSeconds])]);
  /** Redraws only when the saved set or the ended state changed, so typing and focus survive other updates. */
  function render() {
    if (!ctx.state) return;
    if (!dirty) draft = ctx.state.questions.map(q => ({ ...q }));
    if (signature() === drawn) {
      renderState();
      return;
    }
    renderSet();
    renderBank();
  }

  function markDirty() {
    dirty = true;
    renderState();
  }

  function renderState() {
    const state = $("set-state");
    state.textContent = dirty ? "Unsaved changes" : "Saved";
    state.classList.toggle("is-dirty", dirty);
    state.classList.toggle("is-saved", !dirty);
    $("save-set").disabled = !dirty || ctx.ended;
    $("reset-set").disabled = !dirty || ctx.ended;
  }

  function renderSet(focusId) {
    drawn = signature();
    list.replaceChildren(...draft.map((q, index) => setItem(q, index)));
    $("set-empty").hidden = draft.length > 0;
    renderState();
    if (focusId) $(focusId)?.focus();
  }

  function setItem(q, index) {
    const timeId = `set-time-${q.questionId}`;
    const time = el("input", {
      attrs: { type: "number", id: timeId, min: 3, max: 3600, step: 1, inputmode: "numeric", value: q.timeLimitSeconds ?? "", "data-testid": "set-time" },
    });
    time.disabled = ctx.ended;
    time.addEventListener("input", () => {
      q.timeLimitSeconds = time.value === "" ? null : Number(time.value);
      time.toggleAttribute("aria-invalid", time.value !== "" && !validSeconds(q.timeLimitSeconds));
      markDirty();
      drawn = signature(); // the input already shows it
    });
    const button = (text, label, id, action, disabled = false) => {
      const b = el("button", { text, className: "btn btn-small", attrs: { type: "button", "aria-label": label, id } });
      b.disabled = disabled || ctx.ended;
      b.addEventListener("click", action);
      return b;
    };
    const move = delta => () => {
      const [item] = draft.splice(index, 1);
      draft.splice(index + delta, 0, item);
      dirty = true;
      renderSet(`set-${delta < 0 ? "up" : "down"}-${q.questionId}`);
    };
    return el("li", { className: "cl-set-item", attrs: { "data-testid": "set-item", "data-question-id": q.questionId } }, [
      el("p", { className: "cl-set-text" }, [el("span", { className: "bank-number", text: `#${q.number} ` }), el("span", { text: q.text })]),
      el("div", { className: "cl-set-controls" }, [
        el("div", { className: "field field-inline" }, [el("label", { text: "Time box (s)", attrs: { for: timeId } }), time]),
        el("div", { className: "button-row" }, [
          button("↑", `Move question #${q.number} up`, `set-up-${q.questionId}`, move(-1), index === 0),
          button("↓", `Move question #${q.number} down`, `set-down-${q.questionId}`, move(1), index === draft.length - 1),
          button("Remove", `Remove question #${q.number} from the set`, `set-remove-${q.questionId}`, () => {
            draft.splice(index, 1);
            dirty = true;
            renderSet();
            renderBank();
          }),
        ]),
      ]),
    ]);
  }

  function add(question) {
    if (draft.some(q => q.questionId === question.id)) return;
    draft.push({ questionId: question.id, number: question.number, text: question.text, timeLimitSeconds: question.defaultTimeLimitSeconds });
    dirty = true;
    renderSet();
    renderBank();
    announce(`Question #${question.number} added to the set. Save the set to use it.`);
  }

  function matches(question, words) {
    const haystack = `${question.text} ${(question.topics ?? []).join(" ")} ${kindLabels[question.kind] ?? question.kind}`.toLowerCase();
    return words.every(w => haystack.includes(w) || String(question.number) === w.replace(/^#/, ""));
  }

  function renderBank() {
    if (!bank) return;
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const found = bank.filter(q => matches(q, words));
    const shown = found.slice(0, SHOWN);
    $("bank-count").textContent = found.length > shown.length
      ? `${found.length} matching questions; showing the first ${SHOWN}. Narrow the search to see others.`
      : `${found.length} matching ${found.length === 1 ? "question" : "questions"}.`;
    $("bank").replaceChildren(...shown.map(bankItem));
  }

  function bankItem(q) {
    const inSet = draft.some(d => d.questionId === q.id);
    const addButton = el("button", {
      text: inSet ? "In the set" : "Add to set", className: "btn btn-small",
      attrs: { type: "button", "data-testid": "add-to-set", "aria-label": inSet ? `Question #${q.number} is in the set` : `Add question #${q.number} to the set` },
    });
    addButton.disabled = inSet || ctx.ended;
    addButton.addEventListener("click", () => add(q));
    const pushButton = el("button", {
      text: "Push now", className: "btn btn-small",
      attrs: { type: "button", "data-testid": "push-now", "aria-label": `Push question #${q.number} to every room now` },
    });
    pushButton.disabled = ctx.ended;
    pushButton.addEventListener("click", () => ctx.push.push(q.id, pushButton));
    return el("li", { className: "bank-item", attrs: { "data-testid": "class-bank-question", "data-question-id": q.id, "data-number": q.number } }, [
      el("p", { className: "bank-text" }, [el("span", { className: "bank-number", text: `#${q.number} ` }), el("span", { text: q.text })]),
      el("p", { className: "tags" }, [
        el("span", { className: "tag tag-kind", text: kindLabels[q.kind] ?? q.kind }),
        ...(q.topics ?? []).map(t => el("span", { className: "tag", text: t })),
        el("span", { className: "tag", text: `${q.defaultTimeLimitSeconds} s` }),
      ]),
      el("div", { className: "button-row" }, [addButton, pushButton]),
    ]);
  }

  return { render, loadBank };
}

export function validSeconds(value) {
  return Number.isInteger(value) && value >= 3 && value <= 3600;
}
