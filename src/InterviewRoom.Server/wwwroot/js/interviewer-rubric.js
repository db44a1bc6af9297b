// The rubric panel: rate each criterion 0/1/2, tick red flags, confirm or override the suggested overall,
// save as a new score version (idempotent retries), and reveal the feedback to the candidate.
import { el, announce, hubMessage, newRequestId } from "./common.js";
import { invokeWithRetry, lengthLimit, ratingWords, setText, show, upsertTurn } from "./candidate-interviewer-shared.js";
import { suggestedOverall, redFlagCap } from "./score-rule.js";
import { anchorOf, isStandardFlag, provenance } from "./rubric-words.js";

export function createRubric(ctx) {
  const $ = id => document.getElementById(id);
  const form = $("score-form");
  const criteriaBox = $("criteria");
  const flagsBox = $("red-flags");
  const override = $("overall-override");
  const notAssessed = $("not-assessed");
  const notes = $("score-notes");
  // The server's limit (ScoreService.MaxNotesLength), kept like the answer box's: a paste is never cut, Save waits.
  const notesLimit = lengthLimit(notes, $("score-notes-count"), 4000, "Shorten the notes to save.");
  const saveButton = $("save-score");
  const savedState = $("score-saved");
  const revealButton = $("reveal-feedback");
  const revealStatus = $("reveal-status");

  /** Per turn: the form's values, the version they came from, and any save in flight. */
  const forms = new Map();
  let renderedKey = "";

  function fromScore(turn) {
    const info = turn.interviewer ?? {};
    const score = info.score;
    const form = {
      ratings: new Map(),
      redFlags: new Set(),
      override: "",
      notAssessed: false,
      notes: "",
      loadedVersion: info.scoreVersions ?? score?.version ?? 0,
      dirty: false,
      saving: false,
      pending: null,
      newerElsewhere: null,
      generation: Math.random(),
    };
    if (score) {
      for (const r of score.ratings ?? []) form.ratings.set(r.criterionId, r.rating);
      for (const id of score.redFlags ?? []) form.redFlags.add(id);
      form.notAssessed = Boolean(score.notAssessed);
      form.notes = score.notes ?? "";
      if (!form.notAssessed && score.overall != null) {
        const suggestion = score.suggestedOverall;
        const cappedSuggestion = suggestion != null && form.redFlags.size ? Math.min(redFlagCap, suggestion) : suggestion;
        if (score.overall !== cappedSuggestion) form.override = String(score.overall);
      }
    }
    return form;
  }

  function formFor(turn) {
    let form = forms.get(turn.turnId);
    const version = turn.interviewer?.scoreVersions ?? 0;
    if (!form || (!form.dirty && !form.saving && version > form.loadedVersion)) {
      form = fromScore(turn);
      forms.set(turn.turnId, form);
    }
    return form;
  }

  const rubricOf = turn => turn.interviewer?.rubric ?? { criteria: [], redFlags: [], scale: [], anchors: [] };
  /** The seat that asked a turn scores it (turns from before the asker was recorded: the interviewer). */
  const askedByYou = turn => turn.askedBy == null || turn.askedBy === ctx.state.you?.participantId;
  const canScore = turn => !ctx.ended && askedByYou(turn) && Boolean(turn.interviewer)
    && (turn.status === "submitted" || turn.status === "timeUp");

  function build(turn, form) {
    const rubric = rubricOf(turn);
    criteriaBox.replaceChildren(...rubric.criteria.map((criterion, index) => {
      const name = `rating-${criterion.id}`;
      const options = [0, 1, 2].map(value => {
        const id = `rating-${criterion.id}-${value}`;
        const input = el("input", {
          attrs: { type: "radio", name, id, value, "data-testid": id, checked: form.ratings.get(criterion.id) === value },
        });
        input.addEventListener("change", () => {
          form.ratings.set(criterion.id, value);
          edited(form);
        });
        return el("span", { className: `rating rating-${value}` }, [input, el("label", { text: `${value} · ${ratingWords[value]}`, attrs: { for: id } })]);
      });
      const source = provenance(criterion);
      return el("fieldset", {
        className: `criterion${criterion.core ? " is-core" : ""}`,
        attrs: { "data-testid": "criterion", "data-criterion-id": criterion.id, "data-core": String(Boolean(criterion.core)) },
      }, [
        el("legend", {}, [
          el("span", { className: "criterion-number", text: `${index + 1}. ` }),
          criterion.core ? el("span", { className: "core-badge", text: "Core", attrs: { "data-testid": "core-badge" } }) : null,
          document.createTextNode(criterion.text),
        ]),
        source ? el("p", { className: "provenance", text: source, attrs: { "data-testid": "criterion-source" } }) : null,
        el("div", { className: "ratings" }, options),
      ]);
    }));
    if (!rubric.criteria.length) criteriaBox.replaceChildren(el("p", { className: "muted", text: "This rubric has no criteria; give an overall score." }));
    if (rubric.criteria.length) {
      const clear = el("button", { className: "btn btn-small btn-link", text: "Clear all ratings", attrs: { type: "button", "data-testid": "clear-ratings" } });
      clear.addEventListener("click", () => {
        form.ratings.clear();
        for (const input of criteriaBox.querySelectorAll("input[type=radio]")) input.checked = false;
        edited(form);
      });
      criteriaBox.append(clear);
    }

    flagsBox.replaceChildren(...(rubric.redFlags ?? []).map(flag => {
      const id = `red-flag-${flag.id}`;
      const input = el("input", { attrs: { type: "checkbox", id, "data-testid": id, checked: form.redFlags.has(flag.id) } });
      input.addEventListener("change", () => {
        if (input.checked) form.redFlags.add(flag.id);
        else form.redFlags.delete(flag.id);
        edited(form);
      });
      const label = el("label", { attrs: { for: id } }, [
        document.createTextNode(flag.text),
        isStandardFlag(flag) ? null : el("span", { className: "provenance", text: ` · ${provenance(flag)}` }),
      ]);
      return el("div", { className: `check${isStandardFlag(flag) ? " standard-flag" : ""}`, attrs: { "data-testid": "red-flag" } }, [input, label]);
    }));
    if (!rubric.redFlags?.length) flagsBox.replaceChildren(el("p", { className: "muted", text: "This rubric has no red flags." }));

    const anchors = rubric.anchors ?? [];
    $("rubric-anchors").replaceChildren(...anchors.flatMap(a => [
      el("dt", { text: String(a.score) }),
      el("dd", { text: a.anchor, attrs: { "data-testid": `anchor-${a.score}` } }),
    ]));
    show($("rubric-anchors"), anchors.length > 0);
    show($("rubric-anchors-heading"), anchors.length > 0);
    setText($("rubric-source-note"), rubric.note ?? "");
    show($("rubric-source-note"), Boolean(rubric.note));
    setText($("rubric-needs-review"), rubric.needsReview ? `Needs review: ${rubric.needsReview}` : "");
    show($("rubric-needs-review"), Boolean(rubric.needsReview));

    override.replaceChildren(
      el("option", { text: "Use the suggestion", attrs: { value: "" } }),
      ...[1, 2, 3, 4, 5].map(n => {
        const anchor = anchorOf(rubric, n);
        return el("option", { text: anchor ? `${n} — ${anchor}` : String(n), attrs: { value: String(n) } });
      }),
    );
    override.value = form.override;
    notAssessed.checked = form.notAssessed;
    notes.value = form.notes;
    notesLimit.update();
  }

  override.addEventListener("change", () => withForm((turn, form) => { form.override = override.value; edited(form); }));
  notAssessed.addEventListener("change", () => withForm((turn, form) => { form.notAssessed = notAssessed.checked; edited(form); }));
  notes.addEventListener("input", () => { notesLimit.update(); withForm((turn, form) => { form.notes = notes.value; edited(form); }); });
  form.addEventListener("submit", event => { event.preventDefault(); save(); });
  revealButton.addEventListener("click", reveal);

  function withForm(fn) {
    const turn = ctx.selectedTurn();
    if (turn) fn(turn, formFor(turn));
  }

  function edited(form) {
    form.dirty = true;
    const turn = ctx.selectedTurn(); // the latest view of the turn, not the one the form was built from
    if (turn && forms.get(turn.turnId) === form) update(turn, form);
  }

  function payload(turn, form) {
    const rubric = rubricOf(turn);
    const known = new Set(rubric.criteria.map(c => c.id));
    const body = {
      ratings: [...form.ratings].filter(([id]) => known.has(id)).map(([criterionId, rating]) => ({ criterionId, rating })),
      redFlags: [...form.redFlags],
      notAssessed: form.notAssessed,
    };
    if (!form.notAssessed && form.override) body.overall = Number(form.override);
    if (form.notes.trim()) body.notes = form.notes;
    if (form.loadedVersion > 0) body.baseVersion = form.loadedVersion;
    return body;
  }

  async function save() {
    const turn = ctx.selectedTurn();
    if (!turn || !canScore(turn)) return;
    if (notesLimit.over()) {
      announce(`The notes are ${notesLimit.over().toLocaleString("en")} characters over the ${notesLimit.limit} limit; shorten them, then save. Nothing was saved.`, "error");
      notes.focus();
      return;
    }
    const form = formFor(turn);
    if (form.saving) return;
    const body = payload(turn, form);
    if (!body.ratings.length && body.overall == null && !body.notAssessed) {
      announce("Rate at least one criterion, give an overall score, or mark the answer not assessed.", "error");
      return;
    }
    const key = JSON.stringify(body);
    // Same edit retried (e.g. after a dropped connection): same clientRequestId, so it is stored once.
    if (!form.pending || form.pending.key !== key) form.pending = { key, clientRequestId: newRequestId() };
    form.saving = true;
    update(turn, form);
    try {
      const score = await invokeWithRetry(ctx.connection, "Score", [turn.turnId, { clientRequestId: form.pending.clientRequestId, ...body }], {
        onWaiting: () => announce("Connection lost — the score will be saved as soon as the connection is back.", "error"),
      });
      form.pending = null;
      form.saving = false;
      applyScore(score);
      form.loadedVersion = Math.max(form.loadedVersion, score.version);
      form.newerElsewhere = null;
      form.conflict = false;
      const withoutBase = ({ baseVersion, ...rest }) => JSON.stringify(rest);
      if (withoutBase(payload(turn, form)) === withoutBase(body)) form.dirty = false; // not edited while saving
      announce(`Score saved — version ${score.version}.`);
    } catch (error) {
      form.saving = false;
      form.pending = null; // a refusal is final: the next attempt is a new edit
      const message = hubMessage(error);
      form.conflict = /changed meanwhile|same moment/.test(message);
      announce(message, "error");
    }
    ctx.render();
  }

  async function reveal() {
    const turn = ctx.selectedTurn();
    if (!turn) return;
    revealButton.disabled = true;
    try {
      const updated = await invokeWithRetry(ctx.connection, "Reveal", [turn.turnId], {
        onWaiting: () => announce("Connection lost — revealing as soon as the connection is back.", "error"),
      });
      upsertTurn(ctx.state, updated);
      announce("Feedback shown to the candidate.");
    } catch (error) {
      announce(hubMessage(error), "error");
    }
    ctx.render();
  }

  /** A ScoreView (our own save or ScoreSaved from any interviewer tab) goes into the turn it belongs to. */
  function applyScore(score) {
    const turn = ctx.state?.turns.find(t => t.turnId === score.turnId);
    if (!turn || !turn.interviewer) return;
    const latest = turn.interviewer.scoreVersions ?? 0;
    if (score.version >= latest) {
      turn.interviewer = { ...turn.interviewer, score, scoreVersions: score.version };
    }
    const form = forms.get(score.turnId);
    if (form && !form.saving && form.dirty && score.version > form.loadedVersion) form.newerElsewhere = score.version;
  }

  function reloadLatest() {
    const turn = ctx.selectedTurn();
    if (!turn) return;
    forms.delete(turn.turnId);
    renderedKey = "";
    ctx.render();
    announce("Loaded the latest saved score.");
  }

  /** Live parts: suggestion, effective overall, saved state, enabled state. */
  function update(turn, form) {
    const rubric = rubricOf(turn);
    const known = new Set(rubric.criteria.map(c => c.id));
    const rated = [...form.ratings.keys()].filter(id => known.has(id)).length;
    setText($("rated-count"), rubric.criteria.length ? `Rated ${rated} of ${rubric.criteria.length}; unrated items count as not shown in the suggestion.` : "");
    const suggestion = suggestedOverall(rubric.criteria, form.ratings);
    setText($("suggested-overall"), suggestion == null ? "—" : String(suggestion));
    setText($("suggested-anchor"), suggestion == null ? "(rate a criterion to get a suggestion)" : `— ${anchorOf(rubric, suggestion)}`);

    let effective;
    if (form.notAssessed) effective = "Not assessed";
    else {
      const chosen = form.override ? Number(form.override) : suggestion;
      if (chosen == null) effective = "—";
      else if (form.redFlags.size && chosen > redFlagCap) effective = `${redFlagCap} / 5 — capped from ${chosen} by a red flag`;
      else effective = `${chosen} / 5${anchorOf(rubric, chosen) ? ` — ${anchorOf(rubric, chosen)}` : ""}`;
    }
    setText($("effective-overall"), effective);

    const enabled = canScore(turn);
    for (const input of $("score-form").querySelectorAll("input, select, textarea, button")) {
      input.disabled = !enabled || form.saving;
    }
    override.disabled = !enabled || form.saving || form.notAssessed;
    saveButton.textContent = form.saving ? "Saving…" : "Save score";

    const version = turn.interviewer?.scoreVersions ?? 0;
    let saved;
    if (form.saving) saved = "Saving…";
    else if (form.dirty) saved = form.loadedVersion ? `Unsaved changes (saved: version ${form.loadedVersion})` : "Unsaved changes";
    else saved = version ? `Saved — version ${version}` : "Not saved yet";
    setText(savedState, saved);
    savedState.dataset.dirty = String(form.dirty);
    savedState.classList.toggle("is-dirty", form.dirty);
    savedState.classList.toggle("is-saved", !form.dirty && version > 0);

    let note = "";
    if (ctx.ended) note = "The room has ended; scores can no longer be changed.";
    else if (turn.status === "asked" || turn.status === "answering") note = "Scoring opens once the answer is submitted or the time is up. You can read the criteria now.";
    else if (turn.status === "closed") note = "This question was closed when the room ended.";
    if (!askedByYou(turn)) {
      note = turn.feedback
        ? "You answered this question in an earlier round; its feedback is shown. Only the person who asked it can score it."
        : "You answered this question in an earlier round. Only the person who asked it scores it; you see its feedback once they reveal it.";
    }
    if (form.newerElsewhere) note = `Version ${form.newerElsewhere} was saved in another window while you were editing. Saving now will be refused.`;
    if (form.conflict) note = "Someone saved a newer version of this score. Load it, then make your change again.";
    setText($("rubric-note"), note);
    show($("rubric-note"), Boolean(note));
    let reload = $("score-reload");
    if ((form.newerElsewhere || form.conflict) && !reload) {
      reload = el("button", { className: "btn btn-small", text: "Load the latest score", attrs: { type: "button", id: "score-reload", "data-testid": "score-reload" } });
      reload.addEventListener("click", reloadLatest);
      $("rubric-note").after(reload);
    } else if (!(form.newerElsewhere || form.conflict) && reload) reload.remove();

    const revealed = Boolean(turn.feedback);
    revealButton.disabled = ctx.ended || !askedByYou(turn) || !version || revealed || form.saving;
    setText(revealStatus, revealed
      ? "Feedback shown to the candidate. Later saves update it."
      : version ? "" : "Save a score before revealing feedback.");
    revealStatus.dataset.revealed = String(revealed);
  }

  function render() {
    const turn = ctx.selectedTurn();
    show($("rubric-empty"), !turn);
    show($("rubric-body"), Boolean(turn));
    if (!turn) return;
    const form = formFor(turn);
    const isCurrent = turn.turnId === ctx.state.currentTurn?.turnId;
    setText($("rubric-target"), `${isCurrent ? "Current question" : "Earlier question"} ${turn.ordinal}: ${turn.questionText}`);
    show($("rubric-older-answer"), !isCurrent);
    if (!isCurrent) setText($("rubric-answer"), turn.answerText ?? (turn.status === "timeUp" ? "(no answer — time ran out)" : "(no answer)"));

    const rubric = rubricOf(turn);
    const key = `${turn.turnId}:${form.generation}:${rubric.id}:${rubric.version}`;
    if (key !== renderedKey) {
      renderedKey = key;
      build(turn, form);
    }
    update(turn, form);
  }

  return { render, applyScore };
}
