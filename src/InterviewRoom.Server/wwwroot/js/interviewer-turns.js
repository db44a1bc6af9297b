// The interviewer's view of the turns: the current question with the candidate's answer, the reference answer
// and guidance (only the interviewer sees those), and the list of questions asked, which picks the one to score.
import { el, announce, formatDuration } from "./common.js";
import { phaseLabel, kindLabels, setText, show } from "./candidate-interviewer-shared.js";
import { formatSeconds } from "./interviewer-bank.js";

export function createTurnViews(ctx) {
  const $ = id => document.getElementById(id);

  function turnMeta(turn) {
    const number = ctx.bank.numberOf(turn.questionId);
    const parts = [`Question ${turn.ordinal}`];
    if (number != null) parts.push(`bank #${number}`);
    parts.push(kindLabels[turn.kind] ?? turn.kind);
    if (turn.topics?.length) parts.push(turn.topics.join(", "));
    parts.push(`time box ${formatSeconds(turn.timeLimitSeconds)}`);
    return parts.join(" · ");
  }

  function renderCurrent() {
    const turn = ctx.state.currentTurn;
    // After a swap the latest question belongs to the round before (often your own answer): the new round starts
    // empty, and the earlier questions stay in the list below, read-only.
    const round = ctx.state.round ?? 1;
    const fromEarlierRound = Boolean(turn) && (turn.round ?? 1) < round;
    show($("turn-empty"), !turn || fromEarlierRound);
    show($("turn-body"), Boolean(turn) && !fromEarlierRound);
    setText($("turn-empty"), fromEarlierRound
      ? `Round ${round}: ask your first question. Questions from earlier rounds are in the list below.`
      : "No question asked yet. Pick one from the question bank or your plan.");
    if (!turn || fromEarlierRound) return;
    setText($("turn-meta"), turnMeta(turn));
    setText($("turn-question"), turn.questionText);
    const phase = $("turn-phase");
    setText(phase, phaseLabel(turn));
    phase.dataset.phase = turn.status;
    setText($("turn-response-time"), turn.responseTimeMs != null
      ? `${formatDuration(turn.responseTimeMs)}${turn.isLate ? " (late)" : ""}`
      : "—");

    const hasAnswer = turn.answerText !== undefined && turn.answerText !== null;
    show($("turn-answer"), hasAnswer && turn.answerText !== "");
    setText($("turn-answer"), hasAnswer ? turn.answerText : "");
    show($("turn-answer-empty"), !hasAnswer);
    setText($("turn-answer-empty"), emptyAnswerText(turn));
    if (hasAnswer && turn.answerText === "") {
      show($("turn-answer-empty"), true);
      setText($("turn-answer-empty"), "The candidate sent an empty answer.");
    }

    // No interviewer view: a question you answered in an earlier round, not revealed yet (or only its feedback).
    const info = turn.interviewer;
    const reference = info?.referenceAnswer ?? turn.feedback?.referenceAnswer;
    setText($("turn-reference-answer"), reference
      || (info || turn.feedback ? "No reference answer in the bank for this question; see the guidance."
        : "You answered this question; its reference answer is shown once the person who asked it reveals the feedback."));
    const guidance = info?.guidance ?? [];
    $("turn-guidance").replaceChildren(...(guidance.length
      ? guidance.map(g => el("li", {}, [el("strong", { text: `${guidanceLabel(g.kind)}: ` }), document.createTextNode(g.text)]))
      : [el("li", { className: "muted", text: info ? "No guidance for this question." : "Not shown for a question you answered." })]));
  }

  function emptyAnswerText(turn) {
    if (ctx.ended) return "No answer.";
    switch (turn.status) {
      case "timeUp": return "No answer — time ran out. A late answer can still arrive.";
      case "closed": return "No answer: the room ended.";
      default: return "No answer yet.";
    }
  }

  function guidanceLabel(kind) {
    return { lookFor: "Look for", redFlag: "Red flag", whatToExpect: "What to expect", interviewerWants: "What the interviewer wants", other: "Guidance" }[kind] ?? kind;
  }

  function overallText(turn) {
    const score = turn.interviewer?.score ?? turn.feedback?.score;
    if (!score) return turn.interviewer ? "not scored" : null;
    if (score.notAssessed) return "not assessed";
    return score.overall != null ? `score ${score.overall} / 5` : "scored";
  }

  function renderHistory() {
    const turns = ctx.state.turns;
    show($("history-empty"), turns.length === 0);
    const selected = ctx.selectedTurn();
    const items = [...turns].reverse().map(turn => {
      const isSelected = selected?.turnId === turn.turnId;
      const button = el("button", {
        className: "history-button",
        attrs: { type: "button", "data-testid": "history-select", "aria-current": isSelected ? "true" : null },
      }, [
        el("span", { className: "history-title" }, [
          el("span", { className: "history-ordinal", text: `${turn.ordinal}.` }),
          el("span", { text: turn.questionText }),
        ]),
        el("span", {
          className: "history-meta",
          text: [phaseLabel(turn), turn.responseTimeMs != null ? formatDuration(turn.responseTimeMs) : null, overallText(turn),
            turn.feedback ? "feedback shown" : null].filter(Boolean).join(" · "),
        }),
      ]);
      button.addEventListener("click", () => {
        ctx.selectedTurnId = turn.turnId === ctx.state.currentTurn?.turnId ? null : turn.turnId;
        ctx.render();
        announce(`Scoring question ${turn.ordinal}.`);
        if (window.matchMedia("(max-width: 899px)").matches) $("rubric").scrollIntoView({ block: "start" });
      });
      return el("li", {
        className: `history-item${isSelected ? " is-selected" : ""}`,
        attrs: { "data-testid": "history-turn", "data-turn-id": turn.turnId, "data-ordinal": turn.ordinal, "data-status": turn.status },
      }, [button]);
    });
    $("turn-history").replaceChildren(...items);
  }

  return { renderCurrent, renderHistory };
}
