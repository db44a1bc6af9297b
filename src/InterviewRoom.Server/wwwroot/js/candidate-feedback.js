// The feedback a candidate (or observer) sees once the interviewer reveals a scored answer.
import { el } from "./common.js";
import { ratingWords } from "./candidate-interviewer-shared.js";
import { anchorOf } from "./rubric-words.js";

/**
 * One revealed turn. The latest one gets the data-testids browser tests look for (feedback-overall, …);
 * earlier ones, shown in a list, get past-feedback-… ids so every test id on the page stays unique.
 */
export function feedbackView(turn, { primary }) {
  const id = name => (primary ? `feedback-${name}` : `past-feedback-${name}`);
  const feedback = turn.feedback;
  const score = feedback.score ?? {};
  const rubric = feedback.rubric ?? { criteria: [], redFlags: [], scale: [], anchors: [] };
  const anchor = n => anchorOf(rubric, n);

  const overall = score.notAssessed ? "Not assessed" : score.overall != null ? `${score.overall} / 5` : "—";
  const ratings = new Map((score.ratings ?? []).map(r => [r.criterionId, r.rating]));
  const ticked = new Set(score.redFlags ?? []);

  // In plain words: what a strong answer covers, the essentials marked, and how this answer did on each
  // (an item the interviewer did not rate says so; it is not "not shown").
  const criteria = rubric.criteria.map(criterion => {
    const rating = ratings.get(criterion.id);
    const rated = rating !== undefined;
    return el("li", {
      className: `feedback-criterion${rated ? ` rating-${rating}` : " not-rated"}`,
      attrs: { "data-testid": id("criterion"), "data-criterion-id": criterion.id, "data-rating": rated ? rating : "none", "data-core": String(Boolean(criterion.core)) },
    }, [
      el("span", { className: "feedback-criterion-text" }, [
        criterion.core ? el("span", { className: "core-badge", text: "Essential" }) : null,
        document.createTextNode(criterion.text),
      ]),
      el("span", { className: `rating-word rating-word-${rated ? rating : "none"}`, text: rated ? `${ratingWords[rating]} (${rating}/2)` : "Not rated" }),
    ]);
  });
  const levels = (rubric.anchors ?? []).map(a => el("li", { attrs: { "data-testid": id("anchor") } }, [
    el("strong", { text: `${a.score}: ` }),
    document.createTextNode(a.anchor),
  ]));

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
    criteria.length ? el("h4", { text: "What a strong answer covers" }) : null,
    criteria.length ? el("ul", { className: "feedback-criteria", attrs: { "data-testid": id("criteria") } }, criteria) : null,
    levels.length ? el("h4", { text: "How answers to this question are scored" }) : null,
    levels.length ? el("ul", { className: "feedback-anchors" }, levels) : null,
    el("h4", { text: "Red flags" }),
    flags.length
      ? el("ul", { className: "feedback-flags" }, flags)
      : el("p", { className: "muted", text: "No red flags raised.", attrs: { "data-testid": id("no-red-flags") } }),
    el("h4", { text: "Reference answer" }),
    el("pre", { className: "answer", text: feedback.referenceAnswer || "(The question bank has no reference answer for this question.)", attrs: { "data-testid": id("reference") } }),
    // The reviewers' note corrects a wrong or dated reference answer: the candidate reads both.
    rubric.note ? el("h4", { text: "Reviewers' note on this question" }) : null,
    rubric.note ? el("p", { className: "rubric-source-note", text: rubric.note, attrs: { "data-testid": id("rubric-note") } }) : null,
  ]);
}
