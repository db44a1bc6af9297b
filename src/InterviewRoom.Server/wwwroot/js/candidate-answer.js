// The candidate's answer box and the question card it sits in: drafts kept per turn in localStorage (a reload
// restores them; the clientRequestId is made once per turn so a retried Submit cannot store twice), Submit,
// and what the card says in each phase, for the candidate and for observers.
import { hubMessage, newRequestId, announce, formatDuration } from "./common.js";
import { openStatuses, upsertTurn, phaseLabel, kindLabels, setText, show, invokeWithRetry, store, lengthLimit } from "./candidate-interviewer-shared.js";

/** page: { state(), connection(), isCandidate(), render(), sync() } of candidate.js. */
export function createAnswerBox(page) {
  const $ = id => document.getElementById(id);
  const answer = $("answer");
  let shownTurnId = null; // the turn whose draft is in the textarea
  let submitting = false;

  const draftKey = turnId => `interviewroom.draft.${turnId}`;

  /** The draft of a turn, with the clientRequestId made once per turn so a retried Submit reuses it. */
  function draftFor(turnId) {
    let draft = store.get(draftKey(turnId));
    if (!draft || typeof draft !== "object" || !draft.clientRequestId) {
      draft = { text: typeof draft?.text === "string" ? draft.text : "", clientRequestId: newRequestId() };
      store.set(draftKey(turnId), draft);
    }
    return draft;
  }

  answer.addEventListener("input", () => {
    updateCount();
    if (!shownTurnId) return;
    const draft = draftFor(shownTurnId);
    draft.text = answer.value;
    store.set(draftKey(shownTurnId), draft);
  });

  // The server's limit (MaxAnswerLength). The box takes more, so a long paste is never cut without a word:
  // the count says how much is over, and Done waits until it fits.
  const answerLimit = lengthLimit(answer, $("answer-count"), 20000, "Shorten the answer to send it.");
  const overBy = answerLimit.over;
  const updateCount = answerLimit.update;

  $("answer-form").addEventListener("submit", async event => {
    event.preventDefault();
    const state = page.state();
    const turn = state?.currentTurn;
    if (!turn || !canAnswer(turn) || submitting) return;
    if (overBy()) {
      announce(`Your answer is ${overBy().toLocaleString("en")} characters over the ${answerLimit.limit} limit; shorten it, then press Done. Nothing was sent.`, "error");
      answer.focus();
      return;
    }
    const draft = draftFor(turn.turnId);
    draft.text = answer.value;
    store.set(draftKey(turn.turnId), draft);
    submitting = true;
    page.render();
    try {
      const result = await invokeWithRetry(page.connection(), "Submit", [turn.turnId, draft.text, draft.clientRequestId], {
        onWaiting: () => announce("Connection lost — your answer will be sent as soon as the connection is back.", "error"),
      });
      upsertTurn(state, { ...turn, status: "submitted", answerText: draft.text, ...result });
      store.remove(draftKey(turn.turnId));
      announce(result.isLate ? "Answer sent (after the deadline, so it is marked late)." : "Answer sent.");
    } catch (error) {
      const message = hubMessage(error);
      announce(message, "error");
      if (/already submitted|newer question/.test(message)) page.sync();
    } finally {
      submitting = false;
      page.render();
    }
  });

  const canAnswer = turn => page.isCandidate() && !page.state().endedAt && (openStatuses.has(turn.status) || turn.status === "timeUp");

  /** After a new question arrives: straight into the answer box, when the person can answer. */
  function focus() {
    if (page.isCandidate() && !answer.disabled) answer.focus();
  }

  function renderTurn(candidate, ended) {
    const state = page.state();
    const turn = state.currentTurn;
    const waiting = !ended && (!turn || turn.status === "submitted" || turn.status === "closed");
    show($("waiting"), waiting);
    setText($("waiting"), turn && turn.status === "submitted"
      ? "Waiting for the interviewer's next question…"
      : "Waiting for the interviewer's question…");
    show($("turn-card"), Boolean(turn));
    if (!turn) {
      shownTurnId = null;
      return;
    }

    const meta = [`Question ${turn.ordinal}`, kindLabels[turn.kind] ?? turn.kind];
    if (turn.topics?.length) meta.push(turn.topics.join(", "));
    setText($("question-meta"), meta.join(" · "));
    setText($("question-text"), turn.questionText);

    const open = openStatuses.has(turn.status);
    show($("timer-box"), !ended && (open || turn.status === "timeUp"));
    const phase = $("phase");
    phase.dataset.phase = turn.status;
    setText(phase, candidate ? candidatePhase(turn) : phaseLabel(turn));
    show($("time-up"), turn.status === "timeUp" && !ended);
    setText($("time-up"), candidate
      ? "Time is up. You can still press Done: a late answer is accepted and marked as late."
      : "Time is up. The candidate can still send a late answer.");

    // Candidate: the answer box with its draft.
    const answered = turn.answerText !== undefined && turn.answerText !== null;
    show($("answer-form"), candidate && (!ended || answered));
    show($("observer-box"), !candidate);
    if (candidate) {
      if (shownTurnId !== turn.turnId) {
        shownTurnId = turn.turnId;
        answer.value = answered ? turn.answerText : draftFor(turn.turnId).text;
        updateCount();
      } else if (turn.status === "submitted" && turn.answerText != null && answer.value !== turn.answerText) {
        answer.value = turn.answerText;
        updateCount();
      }
      const writable = canAnswer(turn) && !submitting;
      answer.disabled = !writable;
      $("submit-answer").disabled = !writable;
      setText($("submit-answer"), submitting ? "Sending…" : turn.status === "timeUp" ? "Done (late)" : "Done");
      show($("submit-answer"), !ended && turn.status !== "submitted" && turn.status !== "closed");
    }

    const submitted = turn.status === "submitted";
    show($("submitted"), submitted);
    if (submitted) {
      const late = turn.isLate ? " It arrived after the deadline, so it is marked late." : "";
      const time = turn.responseTimeMs != null ? ` Response time: ${formatDuration(turn.responseTimeMs)}.` : "";
      setText($("submitted"), candidate ? `Answer sent.${time}${late}` : `The candidate submitted an answer.${time}${late}`);
    }

    if (!candidate) {
      const hasAnswer = turn.answerText !== undefined && turn.answerText !== null;
      show($("observer-answer"), hasAnswer && turn.answerText !== "");
      setText($("observer-answer"), hasAnswer ? turn.answerText : "");
      show($("observer-waiting"), !hasAnswer || turn.answerText === "");
      setText($("observer-waiting"), hasAnswer ? "The candidate sent an empty answer."
        : turn.status === "timeUp" ? "No answer — time ran out." : turn.status === "closed" ? "No answer." : "No answer yet.");
    }
  }

  function candidatePhase(turn) {
    switch (turn.status) {
      case "asked":
      case "answering": return "Answering — the clock is running.";
      case "submitted": return turn.isLate ? "Submitted late." : "Submitted.";
      case "timeUp": return "Time is up.";
      case "closed": return "Closed: the interview ended before an answer was sent.";
      default: return turn.status;
    }
  }

  return { renderTurn, focus };
}
