// The feedback a candidate (or observer) sees once the interviewer reveals a scored answer.
import { el } from "./common.js";
import { ratingWords } from "./candidate-interviewer-shared.js";

/**
 * One revealed turn. The latest one gets the data-testids browser tests look for (feedback-overall, …);
 * earlier ones, shown in a list, get past-feedback-… ids so every test id on the page stays unique.
 */
export function feedbackView(turn, { primary }) {
  const id = name => (primary ? `feedback-${name}` : `past-feedback-${name}`);
  const feedback = turn.feedback;
  const score = feedback.score ?? {};
  const rubric = feedback.rubric ?? { criteria: [], redFlags: [], scale: [] };
  const anchor = n => rubric.scale?.find(s => s.score === n)?.anchor ?? "";

  const overall = score.notAssessed ? "Not assessed" : score.overall != null ? `${score.overall} / 5` : "—";
  const ratings = new Map((score.ratings ?? []).map(r => [r.criterionId, r.rating]));
  const ticked = new Set(score.redFlags ?? []);

  const criteria = rubric.criteria.map(criterion => {
    const rating = ratings.get(criterion.id) ?? 0;
    return el("li", {
      className: `feedback-criterion rating-${rating}`,
      attrs: { "data-testid": id("criterion"), "data-criterion-id": criterion.id, "data-rating": rating },
    }, [
      el("span", { className: "feedback-criterion-text", text: criterion.text }),
      el("span", { className: `rating-word rating-word-${rating}`, text: `${ratingWords[rating]} (${rating}/2)` }),
    ]);
  });

  const flags = (rubric.redFlags ?? []).filter(flag => ticked.has(flag.id))
    .map(flag => el("li", { text: flag.text, attrs: { "data-testid": id("red-flag"), "data-red-flag-id": flag.id } }));

  return el("article", { className: "feedback-card", attrs: { "data-testid": primary ? "feedback-card" : "past-feedback", "data-turn-id": turn.turnId } }, [
    el("h3", { className: "feedback-question" }, [
      el("span", { className: "muted", text: `Question ${turn.ordinal}: ` }),
      document.createTextNode(turn.questionText),
    ]),
    el("p", { className: "feedback-score" }, [
      el("span", { text: "Overall: " }),
      el("strong", { className: "score-big", text: overall, attrs: { "data-testid": id("overall") } }),
      !score.notAssessed && score.overall != null && anchor(score.overall)
        ? el("span", { className: "muted", text: ` — ${anchor(score.overall)}` })
        : null,
    ]),
    el("h4", { text: "Interviewer's notes" }),
    el("p", { className: "feedback-notes", text: score.notes || "No notes.", attrs: { "data-testid": id("notes") } }),
    criteria.length ? el("h4", { text: "What the interviewer looked for" }) : null,
    criteria.length ? el("ul", { className: "feedback-criteria" }, criteria) : null,
    el("h4", { text: "Red flags" }),
    flags.length
      ? el("ul", { className: "feedback-flags" }, flags)
      : el("p", { className: "muted", text: "No red flags raised.", attrs: { "data-testid": id("no-red-flags") } }),
    el("h4", { text: "Reference answer" }),
    el("pre", { className: "answer", text: feedback.referenceAnswer || "(The question bank has no reference answer for this question.)", attrs: { "data-testid": id("reference") } }),
  ]);
}
