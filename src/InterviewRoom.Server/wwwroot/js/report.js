// The report of a room (/report/{roomId}): header, summary, charts, every question with its timing and score,
// CSV/JSON downloads and print. Text from the server only ever goes in via textContent.
import { api, tokens, tokenFromFragment, el, announce, formatDuration } from "./common.js";
import { chart, niceTicks } from "./report-charts.js";

const $ = id => document.getElementById(id);
const roomId = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] ?? "");

const STATUS = { asked: "Not delivered yet", answering: "Answering", submitted: "Answered", timeUp: "Time up, no answer", closed: "Closed unanswered" };
const KIND = { behavioral: "Behavioral", technical: "Technical", systemDesign: "System design", opinion: "Opinion" };
const RATING = ["not shown", "partly", "clearly"];
const HIDDEN_SCORES = "Scores appear here once the interview has ended.";

// Instants carry up to 7 fractional digits: keep 3 (not every engine parses more).
const instant = s => (s ? new Date(s.replace(/(\.\d{3})\d+/, "$1")) : null);
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const clockTime = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });
const seconds = ms => `${(ms / 1000).toFixed(1)} s`;
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function timeElement(value, format = dateTime) {
  const date = instant(value);
  return el("time", { text: format.format(date), attrs: { datetime: date.toISOString() } });
}


start();

function start() {
  if (!roomId) {
    showProblem("This address names no room.", "Open the report from the room's page.");
    return;
  }
  const fromFragment = tokenFromFragment();
  if (fromFragment) tokens.set(roomId, fromFragment);
  const token = fromFragment ?? tokens.get(roomId);
  if (!token) {
    $("no-token").hidden = false;
    return;
  }
  load(token);
}

async function load(token) {
  $("loading").hidden = false;
  try {
    const report = await api(`/api/rooms/${encodeURIComponent(roomId)}/report`, { token });
    render(report, viewerOf(report, token));
    wireActions(report, token);
      } catch (error) {
    const refused = error.status === 401 || error.status === 404;
    showProblem(refused ? "This key does not open this report" : `Could not load the report: ${error.message}`,
      refused ? "The key is unknown or belongs to another room. Open the report again from the room's page, in the browser that joined the room."
        : "Reload the page to try again.");
    announce(`Could not load the report: ${error.message}`, "error");
  } finally {
    $("loading").hidden = true;
  }
}

function showProblem(message, hint) {
  $("load-error-text").textContent = message;
  $("load-error-hint").textContent = hint;
  $("load-error").hidden = false;
}

/** "staff" when the report carries criteria (interviewer only), "public" when this browser joined by code. */
function viewerOf(report, token) {
  if (report.items.some(i => Array.isArray(i.score?.criteria))) return "staff";
  if (tokens.get(report.roomCode) === token) return "public";
  return "unknown";
}

function render(report, viewer) {
  const title = report.title || "Interview report";
  document.title = `${title} — Report — InterviewRoom`;
  $("report-title").textContent = title;
  const anyScore = report.items.some(i => i.score);
  // Candidates and observers get no scores before the end (section 11 of the protocol).
  const scoresHidden = !anyScore && !report.endedAt && viewer === "public";
  renderHeader(report);
  renderSummary(report, scoresHidden);

  let noScores = "No answer has been scored.";
  if (!report.items.length) noScores = "No question has been asked yet.";
  else if (!anyScore && !report.endedAt) {
    noScores = viewer === "public" ? HIDDEN_SCORES
      : viewer === "unknown" ? "No scores yet. Candidates and observers see the scores once the interview has ended."
      : "No answer has been scored yet.";
  }
  $("report").hidden = false; // charts measure their box: draw them once it is laid out
  timeChart(report.items);
  scoreChart(report.items, noScores);
  topicChart(report.items, noScores);

  const list = $("items");
  if (report.items.length) list.replaceChildren(...report.items.map(item => itemView(item, scoresHidden)));
  else list.replaceChildren(el("li", { className: "muted", text: "No question was asked in this room." }));
}

function renderHeader(report) {
  $("room-code").textContent = report.roomCode;
  const created = $("created-at");
  created.replaceChildren(timeElement(report.createdAt));
  const ended = $("ended-at");
  if (report.endedAt) {
    const ms = instant(report.endedAt) - instant(report.createdAt);
    ended.replaceChildren(timeElement(report.endedAt), document.createTextNode(` (${durationWords(ms)} after it opened)`));
  } else {
    ended.textContent = "Not yet: the room is still open";
  }
  $("participants").replaceChildren(...report.participants.map(p =>
    el("li", { className: "rp-person" }, [el("span", { className: "rp-person-name", text: p.name }), el("span", { className: "rp-person-role", text: p.role })])));
  if (!report.participants.length) $("participants").replaceChildren(el("li", { className: "muted", text: "Nobody" }));
}

function durationWords(ms) {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
  if (h) return `${h} h ${m} min`;
  if (m) return `${m} min ${s} s`;
  return `${s} s`;
}

function renderSummary(report, scoresHidden) {
  const items = report.items;
  const answered = items.filter(i => i.status === "submitted");
  const late = answered.filter(i => i.isLate).length;
  const timedOut = items.filter(i => i.status === "timeUp").length;
  const overall = items.map(i => i.score?.overall).filter(v => typeof v === "number");
  const notAssessed = items.filter(i => i.score?.notAssessed).length;
  const totalMs = answered.reduce((sum, i) => sum + (i.responseTimeMs ?? 0), 0);
  const average = overall.length ? overall.reduce((a, b) => a + b, 0) / overall.length : null;
  const tiles = [
    ["Questions asked", String(items.length), items.filter(i => i.status === "closed").length ? `${items.filter(i => i.status === "closed").length} closed unanswered` : ""],
    ["Answered", String(answered.length), late ? `${late} late` : answered.length ? "all in time" : ""],
    ["Timed out", String(timedOut), timedOut ? "no answer" : ""],
    ["Average score", average == null ? "—" : `${average.toFixed(1)} / 5`, scoresHidden ? "shown once the interview has ended"
      : [overall.length ? `${plural(overall.length, "answer")} scored` : "", notAssessed ? `${notAssessed} not assessed` : ""].filter(Boolean).join(", ")],
    ["Time answering", answered.length ? formatDuration(totalMs) : "—", answered.length ? `${formatDuration(Math.round(totalMs / answered.length))} per answer` : ""],
  ];
  $("summary").replaceChildren(...tiles.map(([term, value, note]) => el("div", { className: "rp-tile" }, [
    el("dt", { text: term }),
    el("dd", { className: "rp-tile-value", text: value }),
    note ? el("dd", { className: "rp-tile-note", text: note }) : null,
  ])));
}

// ---- charts ------------------------------------------------------------------------------------------

function timeChart(items) {
  const rows = items.map(item => {
    const box = item.timeLimitSeconds;
    const label = `Q${item.ordinal}`;
    if (item.status === "submitted" && item.responseTimeMs != null) {
      const ratio = item.responseTimeMs / 1000 / box;
      return { label, value: ratio, kind: item.isLate ? "late" : "ok", text: `${seconds(item.responseTimeMs)} of ${box} s${item.isLate ? " — late" : ""}`, tooltip: item.questionText };
    }
    if (item.status === "timeUp") return { label, value: 1, kind: "timeup", text: `time up (${box} s), no answer`, tooltip: item.questionText };
    return { label, value: null, kind: "none", text: `${STATUS[item.status] ?? item.status} (${box} s)`, tooltip: item.questionText };
  });
  const worst = Math.max(1, ...rows.map(r => r.value ?? 0));
  const domain = Math.min(2, Math.max(1.25, Math.ceil(worst * 4) / 4));
  const counts = {
    ok: rows.filter(r => r.kind === "ok").length, late: rows.filter(r => r.kind === "late").length,
    timeup: rows.filter(r => r.kind === "timeup").length, none: rows.filter(r => r.kind === "none").length,
  };
  const summary = [`${plural(items.length, "question")}: ${counts.ok} answered in time, ${counts.late} late, ${counts.timeup} timed out`,
    counts.none ? `, ${counts.none} not answered` : "", ". ", rows.map(r => `${r.label}: ${r.text}`).join("; "), "."].join("");
  chart($("chart-response-time"), {
    title: "Time taken per question, against its time box",
    summary,
    empty: "No question has been asked yet.",
    domain,
    ticks: niceTicks(domain, v => `${Math.round(v * 100)}%`).filter(t => t.value <= domain),
    reference: { value: 1 },
    rows,
    table: {
      head: ["Question", "Time taken", "Time box", "Result"],
      rows: items.map(i => [`Q${i.ordinal}: ${i.questionText}`, i.responseTimeMs == null ? "—" : seconds(i.responseTimeMs), `${i.timeLimitSeconds} s`,
        i.status === "submitted" ? (i.isLate ? "Late" : "In time") : STATUS[i.status] ?? i.status]),
    },
  });
}

function scoreWords(score) {
  if (!score) return "not scored";
  if (score.notAssessed) return "not assessed";
  return score.overall != null ? `${score.overall} / 5` : "not scored";
}

function scoreChart(items, empty) {
  const visible = items.some(i => i.score);
  const rows = visible ? items.map(item => {
    const overall = item.score?.overall;
    const flagged = item.score?.redFlags?.length ? " (red flag)" : "";
    return {
      label: `Q${item.ordinal}`, value: typeof overall === "number" ? overall : null,
      kind: typeof overall === "number" ? (overall <= 2 ? "low" : "ok") : "none",
      text: scoreWords(item.score) + flagged, tooltip: item.questionText,
    };
  }) : [];
  const scored = rows.filter(r => r.value != null);
  chart($("chart-score"), {
    title: "Overall score per question (1 to 5)",
    summary: `${plural(scored.length, "answer")} scored of ${items.length}. ${rows.map(r => `${r.label}: ${r.text}`).join("; ")}.`,
    empty,
    domain: 5,
    ticks: [0, 1, 2, 3, 4, 5].map(v => ({ value: v, label: String(v) })),
    rows,
    table: { head: ["Question", "Overall score"], rows: items.map(i => [`Q${i.ordinal}: ${i.questionText}`, scoreWords(i.score)]) },
  });
}

function topicChart(items, empty) {
  const byTopic = new Map();
  for (const item of items) {
    const overall = item.score?.overall;
    if (typeof overall !== "number") continue;
    for (const topic of item.topics.length ? item.topics : ["(no topic)"]) {
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), overall]);
    }
  }
  const topics = [...byTopic.entries()]
    .map(([topic, scores]) => ({ topic, count: scores.length, average: scores.reduce((a, b) => a + b, 0) / scores.length }))
    .sort((a, b) => b.average - a.average || a.topic.localeCompare(b.topic));
  const anyScore = items.some(i => i.score);
  const rows = topics.map(t => ({
    label: t.topic, value: t.average, kind: t.average <= 2 ? "low" : "ok",
    text: `${t.average.toFixed(1)} / 5 (${plural(t.count, "answer")})`, tooltip: t.topic,
  }));
  chart($("chart-topic"), {
    title: "Average score by topic",
    summary: rows.map(r => `${r.label}: ${r.text}`).join("; ") + ".",
    empty: anyScore ? "No answer has an overall score yet (not assessed answers do not count)." : empty,
    domain: 5,
    ticks: [0, 1, 2, 3, 4, 5].map(v => ({ value: v, label: String(v) })),
    rows,
    table: { head: ["Topic", "Average score", "Answers scored"], rows: topics.map(t => [t.topic, `${t.average.toFixed(1)} / 5`, String(t.count)]) },
  });
}

// ---- questions ---------------------------------------------------------------------------------------

function timeText(item) {
  const box = `${item.timeLimitSeconds} s`;
  if (item.status === "submitted" && item.responseTimeMs != null) return `${seconds(item.responseTimeMs)} of ${box}${item.isLate ? " — late" : ""}`;
  if (item.status === "timeUp") return `Time up (${box})`;
  if (item.status === "closed") return `Closed unanswered (${box})`;
  return `Not answered yet (${box})`;
}

function fact(term, value, attrs = {}) {
  const dd = el("dd", { attrs });
  dd.append(...(Array.isArray(value) ? value : [value]).map(v => (typeof v === "string" ? document.createTextNode(v) : v)));
  return el("div", {}, [el("dt", { text: term }), dd]);
}

function itemView(item, scoresHidden) {
  const late = item.isLate || item.status === "timeUp";
  const statusText = item.status === "submitted" && item.isLate ? "Answered late" : STATUS[item.status] ?? item.status;
  const head = el("div", { className: "rp-item-head" }, [
    el("h3", { className: "rp-question", attrs: { "data-testid": "report-question" } }, [
      el("span", { className: "rp-ordinal", text: `${item.ordinal}.` }), document.createTextNode(" "), el("span", { text: item.questionText }),
    ]),
    el("p", { className: "rp-tags" }, [
      el("span", { className: "rp-tag rp-tag-kind", text: KIND[item.kind] ?? item.kind }),
      ...item.topics.map(t => el("span", { className: "rp-tag", text: t })),
      el("span", { className: `rp-tag rp-status rp-status-${item.status}${late ? " is-late" : ""}`, text: statusText, attrs: { "data-testid": "report-status" } }),
    ]),
  ]);

  const facts = el("dl", { className: "rp-facts" }, [
    fact("Time", timeText(item), { "data-testid": "report-time", class: late ? "rp-late" : undefined }),
    fact("Asked", [timeElement(item.askedAt, clockTime)]),
    item.submittedAt ? fact(item.isLate ? "Answered (late)" : "Answered", [timeElement(item.submittedAt, clockTime)]) : null,
    item.timeUpAt ? fact("Time up at", [timeElement(item.timeUpAt, clockTime)]) : null,
    fact("Bank question", `#${item.questionNumber}`),
  ].filter(Boolean));

  const answer = el("section", { className: "rp-answer", attrs: { "aria-label": `Answer to question ${item.ordinal}` } }, [el("h4", { text: "Answer" })]);
  if (item.answerText) answer.append(el("pre", { className: "rp-answer-text", text: item.answerText, attrs: { "data-testid": "report-answer" } }));
  else answer.append(el("p", { className: "muted", text: item.status === "submitted" ? "Submitted empty." : "No answer." }));

  return el("li", { className: "card rp-item report-item", attrs: { "data-testid": "report-item", "data-status": item.status } },
    [head, facts, answer, scoreView(item.score, scoresHidden)]);
}

function scoreView(score, scoresHidden) {
  const box = el("section", { className: "rp-score", attrs: { "aria-label": "Score" } }, [el("h4", { text: "Score" })]);
  const main = el("p", { className: "rp-score-value", attrs: { "data-testid": "report-score" } });
  box.append(main);
  if (!score) {
    main.textContent = scoresHidden ? "Shown once the interview has ended" : "Not scored";
    main.classList.add("is-empty");
    return box;
  }
  main.textContent = score.notAssessed ? "Not assessed" : score.overall != null ? `${score.overall} / 5` : "Not scored";
  if (score.notAssessed || score.overall == null) main.classList.add("is-empty");
  const details = [];
  if (score.suggestedOverall != null && score.suggestedOverall !== score.overall) {
    details.push(el("p", { className: "rp-suggested", text: `Suggested by the criteria: ${score.suggestedOverall} / 5`, attrs: { "data-testid": "report-suggested" } }));
  }
  if (score.redFlags?.length) {
    // The interviewer's report names the flags; the candidate's says only that one was ticked.
    const names = score.tickedRedFlags?.length ? score.tickedRedFlags.map(f => f.text).join("; ") : score.redFlags.join(", ");
    details.push(el("p", { className: "rp-flags", attrs: { "data-testid": "report-red-flags" } }, [
      el("strong", { text: score.redFlags.length === 1 ? "Red flag ticked" : `${score.redFlags.length} red flags ticked` }),
      document.createTextNode(` (${names}): the overall score is capped at 2.`),
    ]));
  }
  box.append(...details);
  if (Array.isArray(score.criteria)) {
    const rated = score.criteria.filter(c => c.rating != null).length;
    box.append(el("h4", { text: "Criteria" }),
      el("p", { className: "muted rp-rated", text: `${rated} of ${score.criteria.length} rated (rubric version ${score.rubricVersion}).`, attrs: { "data-testid": "report-rated" } }));
    if (score.criteria.length) {
      box.append(el("ul", { className: "rp-criteria", attrs: { "data-testid": "report-criteria" } }, score.criteria.map(c =>
        el("li", { className: "rp-criterion", attrs: { "data-rating": c.rating ?? "none" } }, [
          c.rating == null
            ? el("span", { className: "rp-rating rp-rating-none", text: "Not rated" })
            : el("span", { className: `rp-rating rp-rating-${c.rating}`, text: `${RATING[c.rating] ?? c.rating} (${c.rating}/2)` }),
          el("span", { className: "rp-criterion-text" }, [
            c.core ? el("span", { className: "core-badge", text: "Core" }) : null,
            document.createTextNode(c.text),
          ]),
        ]))));
    } else {
      box.append(el("p", { className: "muted", text: "This rubric has no criteria.", attrs: { "data-testid": "report-criteria" } }));
    }
  }
  if (score.notes) {
    box.append(el("h4", { text: "Notes" }), el("p", { className: "rp-notes", text: score.notes, attrs: { "data-testid": "report-notes" } }));
  }
  box.append(el("p", { className: "rp-scored-at" }, [
    document.createTextNode(`Score version ${score.version}, saved `), timeElement(score.scoredAt, dateTime), document.createTextNode("."),
  ]));
  return box;
}

// ---- downloads and print -----------------------------------------------------------------------------

function wireActions(report, token) {
  const csvButton = $("download-csv");
  csvButton.addEventListener("click", async () => {
    csvButton.disabled = true;
    announce("Preparing the CSV…");
    try {
      const blob = await api(`/api/rooms/${encodeURIComponent(roomId)}/report?format=csv`, { token, accept: "text/csv" });
      save(blob, `interview-${report.roomCode}.csv`);
    } catch (error) {
      announce(`Could not download the CSV: ${error.message}`, "error");
    } finally {
      csvButton.disabled = false;
    }
  });
  $("download-json").addEventListener("click", () =>
    save(new Blob([JSON.stringify(report, null, 2)], { type: "application/json" }), `interview-${report.roomCode}.json`));
  $("print-report").addEventListener("click", () => window.print());
  wireMyData(report, token);
}

// ---- the caller's own data: export and delete (the interviewer's seat holds the room and is not offered them) ----

function wireMyData(report, token) {
  const you = report.participants.find(p => p.participantId === report.youParticipantId);
  if (!you || you.role === "interviewer") return;
  const path = `/api/rooms/${encodeURIComponent(roomId)}/participants/${encodeURIComponent(you.participantId)}/personal-data`;
  $("my-data").hidden = false;
  $("download-my-data").addEventListener("click", async () => {
    try {
      const data = await api(path, { token });
      save(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }), `my-data-${report.roomCode}.json`);
    } catch (error) {
      announce(`Could not download your data: ${error.message}`, "error");
    }
  });
  const ask = $("delete-my-data");
  const confirmBox = $("delete-confirm");
  const setAsking = asking => {
    confirmBox.hidden = !asking;
    ask.setAttribute("aria-expanded", String(asking));
  };
  ask.addEventListener("click", () => { setAsking(true); $("delete-confirm-no").focus(); });
  $("delete-confirm-no").addEventListener("click", () => { setAsking(false); ask.focus(); });
  $("delete-confirm-yes").addEventListener("click", async () => {
    $("delete-confirm-yes").disabled = true;
    try {
      await api(path, { method: "DELETE", token });
      $("report").hidden = true;
      $("data-deleted").hidden = false;
      announce("Your data was deleted from this room.");
    } catch (error) {
      $("delete-confirm-yes").disabled = false;
      announce(`Could not delete your data: ${error.message}`, "error");
    }
  });
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { attrs: { href: url, download: name }, className: "rp-sr" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  announce(`Downloaded ${name}.`);
}
