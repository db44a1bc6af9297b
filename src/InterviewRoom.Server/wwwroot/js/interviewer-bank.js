// The question bank (GET /api/questions, loaded once) with client-side filters, and the interviewer's plan
// (kept in localStorage per room so a reload keeps it).
import { api, el, announce } from "./common.js";
import { kindLabels, store, setText, show } from "./candidate-interviewer-shared.js";

const MAX_SHOWN = 50;

export function formatSeconds(seconds) {
  if (seconds == null) return "—";
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

function validSeconds(value) {
  const n = Number(value);
  return Number.isInteger(n) && n >= 3 && n <= 3600 ? n : null;
}

export function createBank(ctx) {
  const $ = id => document.getElementById(id);
  const search = $("bank-search");
  const kind = $("bank-kind");
  const topic = $("bank-topic");
  const askSeconds = $("ask-seconds");
  const results = $("bank-results");
  const count = $("bank-count");
  const planList = $("plan");
  const planKey = `interviewroom.plan.${ctx.roomId}`;

  let questions = [];
  let byId = new Map();
  let loaded = false;
  let loading = false;
  let plan = (store.get(planKey, []) || []).filter(item => item && Number.isInteger(item.questionId));
  let lastBankKey = "";
  let lastPlanKey = "";

  for (const input of [search, kind, topic]) input.addEventListener("input", () => renderResults(true));
  $("ask-next").addEventListener("click", askNext);
  $("pick-for-me").addEventListener("click", pickForMe);

  async function load() {
    if (loaded || loading) return;
    loading = true;
    setText(count, "Loading the question bank…");
    try {
      questions = await api("/api/questions", { token: ctx.token });
      byId = new Map(questions.map(q => [q.id, q]));
      loaded = true;
      buildTopics();
      renderAll(true);
      ctx.render();
    } catch (error) {
      setText(count, `Could not load the question bank: ${error.message}`);
      announce(`Could not load the question bank: ${error.message}`, "error");
      const retry = el("button", { className: "btn btn-small", text: "Try again", attrs: { type: "button", "data-testid": "bank-retry" } });
      retry.addEventListener("click", () => { retry.remove(); load(); });
      count.append(" ", retry);
    } finally {
      loading = false;
    }
  }

  function buildTopics() {
    const topics = [...new Set(questions.flatMap(q => q.topics ?? []))].sort((a, b) => a.localeCompare(b));
    topic.replaceChildren(el("option", { text: "All topics", attrs: { value: "all" } }),
      ...topics.map(t => el("option", { text: t, attrs: { value: t } })));
  }

  const askedIds = () => new Set((ctx.state?.turns ?? []).map(t => t.questionId));
  // Asked to the current candidate before (also in an earlier round or another room of a class): Ask refuses these.
  const askedBefore = () => new Set(ctx.state?.askedBefore ?? []);
  const plannedIds = () => new Set(plan.map(p => p.questionId));

  function matchesKindTopic(q) {
    if (kind.value !== "all" && q.kind !== kind.value) return false;
    if (topic.value !== "all" && !(q.topics ?? []).includes(topic.value)) return false;
    return true;
  }

  function matches(q, needle) {
    if (!matchesKindTopic(q)) return false;
    if (!needle) return true;
    return (q.text ?? "").toLowerCase().includes(needle) || (q.referenceAnswer ?? "").toLowerCase().includes(needle);
  }

  function renderAll(force = false) {
    renderResults(force);
    renderPlan(force);
  }

  function renderResults(force = false) {
    if (!loaded) return;
    const needle = search.value.trim().toLowerCase();
    const asked = askedIds();
    const before = askedBefore();
    const planned = plannedIds();
    const key = JSON.stringify([needle, kind.value, topic.value, [...asked], [...before], [...planned], ctx.ended, ctx.asking]);
    if (!force && key === lastBankKey) return;
    lastBankKey = key;

    const found = questions.filter(q => matches(q, needle));
    const shown = found.slice(0, MAX_SHOWN);
    setText(count, found.length === 0
      ? "No question matches these filters."
      : found.length > MAX_SHOWN
        ? `${found.length} questions match; showing the first ${MAX_SHOWN}. Narrow the search to see the rest.`
        : found.length === 1 ? "1 question matches." : `${found.length} questions match.`);
    results.replaceChildren(...shown.map(q => bankItem(q, asked.has(q.id), before.has(q.id), planned.has(q.id))));
  }

  function bankItem(q, isAsked, isAskedBefore, isPlanned) {
    const badges = [
      el("span", { className: "tag tag-kind", text: kindLabels[q.kind] ?? q.kind }),
      ...(q.topics ?? []).map(t => el("span", { className: "tag", text: t })),
      el("span", { className: "tag tag-time", text: formatSeconds(q.defaultTimeLimitSeconds), attrs: { title: "Default time box" } }),
      isAskedBefore
        ? el("span", { className: "tag tag-asked-before", text: "Already asked", attrs: { "data-testid": "bank-already-asked", title: "The candidate was already asked this question" } })
        : isAsked ? el("span", { className: "tag tag-asked", text: "Asked in this room", attrs: { "data-testid": "bank-asked" } }) : null,
      isPlanned ? el("span", { className: "tag tag-planned", text: "In plan" }) : null,
    ];
    const flags = [];
    if (q.flags?.duplicateOfNumber != null) {
      flags.push(el("li", { text: `Duplicate of question #${q.flags.duplicateOfNumber}`, attrs: { "data-testid": "flag-duplicate" } }));
    }
    if (q.flags?.answerMismatch) {
      flags.push(el("li", { text: `Reference answer does not match: ${q.flags.answerMismatch}`, attrs: { "data-testid": "flag-mismatch" } }));
    }
    const add = el("button", {
      className: "btn btn-small",
      text: isPlanned ? "In plan" : "Add to plan",
      attrs: { type: "button", "data-testid": "add-to-plan", "aria-label": `Add to plan: question ${q.number}`, disabled: isPlanned || ctx.ended },
    });
    add.addEventListener("click", () => addToPlan(q));
    const askNow = el("button", {
      className: "btn btn-small btn-primary",
      text: "Ask now",
      attrs: { type: "button", "data-testid": "ask-now", "aria-label": `Ask now: question ${q.number}`,
        disabled: ctx.ended || ctx.asking || !ctx.state || isAskedBefore },
    });
    askNow.addEventListener("click", () => askNowClicked(q));
    return el("li", {
      className: `bank-item${isAsked || isAskedBefore ? " is-asked" : ""}`,
      attrs: { "data-testid": "bank-question", "data-question-id": q.id, "data-number": q.number, "data-kind": q.kind },
    }, [
      el("p", { className: "bank-text" }, [el("span", { className: "bank-number", text: `#${q.number} ` }), document.createTextNode(q.text)]),
      el("p", { className: "tags" }, badges),
      flags.length ? el("ul", { className: "flags" }, flags) : null,
      el("div", { className: "button-row" }, [add, askNow]),
    ]);
  }

  async function askNowClicked(q) {
    let seconds = q.defaultTimeLimitSeconds;
    if (askSeconds.value.trim() !== "") {
      seconds = validSeconds(askSeconds.value.trim());
      if (seconds == null) {
        announce("The time box must be a whole number of seconds from 3 to 3600.", "error");
        askSeconds.focus();
        return;
      }
    }
    if (await ctx.ask(q.id, seconds)) {
      plan = plan.filter(p => p.questionId !== q.id);
      savePlan();
    }
  }

  // ---- plan ---------------------------------------------------------------------------------------------

  function savePlan() {
    store.set(planKey, plan);
    renderAll();
  }

  function addToPlan(q) {
    if (plan.some(p => p.questionId === q.id)) return;
    plan.push({ questionId: q.id, seconds: q.defaultTimeLimitSeconds });
    savePlan();
    announce(`Added question #${q.number} to the plan (${plan.length} planned).`);
  }

  function pickForMe() {
    if (!loaded) {
      announce("The question bank is still loading.", "error");
      return;
    }
    const asked = askedIds();
    const before = askedBefore();
    const planned = plannedIds();
    const candidates = questions.filter(q => matchesKindTopic(q) && !asked.has(q.id) && !before.has(q.id) && !planned.has(q.id));
    if (!candidates.length) {
      announce("No question left that matches the kind and topic filters and is not asked or planned yet.", "error");
      return;
    }
    const pick = candidates[Math.floor(Math.random() * candidates.length)];
    addToPlan(pick);
  }

  /** The first plan item the candidate can still be asked; the ones already asked stay in the plan, marked. */
  const nextInPlan = () => plan.find(item => !askedBefore().has(item.questionId));

  async function askNext() {
    const first = nextInPlan();
    if (!first) {
      if (plan.length) announce("The candidate was already asked every question in the plan; add another.", "error");
      return;
    }
    const seconds = validSeconds(first.seconds);
    if (seconds == null) {
      announce("The first plan item's time box must be a whole number of seconds from 3 to 3600.", "error");
      planList.querySelector(`[data-question-id="${first.questionId}"] [data-testid=plan-seconds]`)?.focus();
      return;
    }
    if (await ctx.ask(first.questionId, seconds)) {
      plan = plan.filter(p => p !== first);
      savePlan();
    }
  }

  function move(index, delta) {
    const target = index + delta;
    if (target < 0 || target >= plan.length) return;
    [plan[index], plan[target]] = [plan[target], plan[index]];
    savePlan();
    const buttons = planList.children[target]?.querySelectorAll(delta < 0 ? "[data-move=up]" : "[data-move=down]");
    (buttons?.[0] && !buttons[0].disabled ? buttons[0] : planList.children[target]?.querySelector("input"))?.focus();
  }

  function renderPlan(force = false) {
    const key = JSON.stringify([plan, loaded, ctx.ended, ctx.asking, [...askedIds()], [...askedBefore()]]);
    if (!force && key === lastPlanKey) return;
    // Do not rebuild while someone is typing a time box: it would steal the focus.
    if (!force && planList.contains(document.activeElement) && document.activeElement.tagName === "INPUT") return;
    lastPlanKey = key;
    const asked = askedIds();
    const before = askedBefore();
    show($("plan-empty"), plan.length === 0);
    planList.replaceChildren(...plan.map((item, index) => {
      const q = byId.get(item.questionId);
      const inputId = `plan-seconds-${item.questionId}`;
      const input = el("input", {
        attrs: { type: "number", id: inputId, min: 3, max: 3600, step: 1, inputmode: "numeric", value: item.seconds,
          "data-testid": "plan-seconds", disabled: ctx.ended },
      });
      input.addEventListener("input", () => {
        const value = input.value.trim();
        item.seconds = value === "" ? "" : Number(value);
        input.setAttribute("aria-invalid", validSeconds(item.seconds) == null ? "true" : "false");
        store.set(planKey, plan);
      });
      input.addEventListener("change", () => renderPlan(true));
      const up = el("button", { className: "btn btn-small", text: "↑", attrs: { type: "button", "data-move": "up", "aria-label": "Move up", disabled: index === 0 || ctx.ended } });
      const down = el("button", { className: "btn btn-small", text: "↓", attrs: { type: "button", "data-move": "down", "aria-label": "Move down", disabled: index === plan.length - 1 || ctx.ended } });
      const remove = el("button", { className: "btn btn-small", text: "Remove", attrs: { type: "button", "data-testid": "plan-remove", disabled: ctx.ended } });
      up.addEventListener("click", () => move(index, -1));
      down.addEventListener("click", () => move(index, 1));
      remove.addEventListener("click", () => {
        plan = plan.filter(p => p !== item);
        savePlan();
        announce("Removed from the plan.");
        (planList.querySelector("[data-testid=plan-remove]") ?? $("pick-for-me")).focus();
      });
      return el("li", {
        className: `plan-item${asked.has(item.questionId) || before.has(item.questionId) ? " is-asked" : ""}`,
        attrs: { "data-testid": "plan-item", "data-question-id": item.questionId, "data-number": q?.number },
      }, [
        el("p", { className: "plan-text" }, [
          el("span", { className: "bank-number", text: q ? `#${q.number} ` : "" }),
          document.createTextNode(q ? q.text : loaded ? `Question ${item.questionId} (no longer in the bank)` : "Loading…"),
          before.has(item.questionId)
            ? el("span", { className: "tag tag-asked-before", text: "Already asked: Ask next skips it", attrs: { "data-testid": "plan-already-asked" } })
            : asked.has(item.questionId) ? el("span", { className: "tag tag-asked", text: "Asked in this room" }) : null,
        ]),
        el("div", { className: "plan-controls" }, [
          el("div", { className: "field field-inline" }, [el("label", { text: "Time box (seconds)", attrs: { for: inputId } }), input]),
          el("div", { className: "button-row" }, [up, down, remove]),
        ]),
      ]);
    }));
    syncAskNext();
  }

  function syncAskNext() {
    $("ask-next").disabled = !nextInPlan() || ctx.ended || ctx.asking || !ctx.state;
    $("pick-for-me").disabled = ctx.ended;
  }

  return {
    load,
    renderAll,
    syncAskNext,
    numberOf: id => byId.get(id)?.number ?? null,
  };
}
