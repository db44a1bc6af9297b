// The report of a room: summary, charts, every question with its timing and score, CSV/JSON downloads, print.
import { api, tokens, tokenFromFragment, el, announce, formatDuration } from "./common.js";
import { responseTimeChart, scoreChart, topicChart } from "./report-charts.js";

const roomId = location.pathname.split("/").filter(Boolean)[1];
const statusWords = { asked: "Asked", answering: "Answering", submitted: "Answered", timeUp: "Time up", closed: "Closed unanswered" };
const ratingWords = ["not shown", "partly", "clearly"];
const kindWords = { behavioral: "Behavioral", technical: "Technical", systemDesign: "System design", opinion: "Opinion" };

const token = tokenFromFragment() ?? tokens.get(roomId);
if (!token) {
  document.getElementById("no-token").hidden = false;
} else {
  if (tokenFromFragment()) tokens.set(roomId, token);
  load(token);
}

async function load(token) {
  try {
    const report = await api(`/api/rooms/${roomId}/report`, { token });
    render(report);
    wireDownloads(report, token);
  } catch (error) {
    announce(`Could not load the report: ${error.message}`, "error");
  }
}

function render(report) {
  document.title = `${report.title || "Interview report"} — InterviewRoom`;
  document.getElementById("report-title").textContent = report.title || "Interview report";
  const when = new Date(report.createdAt).toLocaleString();
  document.getElementById("report-meta").textContent =
    `Room ${report.roomCode} · started ${when}` + (report.endedAt ? ` · ended ${new Date(report.endedAt).toLocaleString()}` : " · still open");
  document.getElementById("participants").textContent =
    "In the room: " + report.participants.map(p => `${p.name} (${p.role})`).join(", ");
  renderSummary(report);

  const scoresHidden = report.items.length > 0 && report.items.every(i => !i.score) && !report.endedAt;
  responseTimeChart(document.getElementById("chart-response-time"), report.items);
  scoreChart(document.getElementById("chart-score"), report.items,
    scoresHidden ? "Scores appear here once the interview has ended." : "No answer has been scored yet.");
  topicChart(document.getElementById("chart-topic"), report.items,
    scoresHidden ? "Scores appear here once the interview has ended." : "No scored answers yet.");

  const list = document.getElementById("items");
  list.replaceChildren(...report.items.map(itemView));
  if (!report.items.length) list.replaceChildren(el("li", { text: "No question was asked in this room.", className: "muted" }));
  document.getElementById("report").hidden = false;
}

function renderSummary(report) {
  const items = report.items;
  const scored = items.map(i => i.score?.overall).filter(v => typeof v === "number");
  const answered = items.filter(i => i.status === "submitted").length;
  const timedOut = items.filter(i => i.status === "timeUp").length;
  const totalMs = items.reduce((sum, i) => sum + (i.responseTimeMs ?? 0), 0);
  const rows = [
    ["Questions asked", String(items.length)],
    ["Answered", `${answered}${items.some(i => i.isLate) ? ` (${items.filter(i => i.isLate).length} late)` : ""}`],
    ["Timed out", String(timedOut)],
    ["Average score", scored.length ? `${(scored.reduce((a, b) => a + b, 0) / scored.length).toFixed(1)} / 5` : "—"],
    ["Time answering", formatDuration(totalMs)],
  ];
  document.getElementById("summary").replaceChildren(
    ...rows.map(([term, value]) => el("div", { className: "summary-entry" }, [el("dt", { text: term }), el("dd", { text: value })])));
}

function itemView(item) {
  const score = item.score;
  const children = [
    el("h3", { text: `${item.ordinal}. ${item.questionText}`, attrs: { "data-testid": "report-question" } }),
    el("p", { className: "muted small", text: `${kindWords[item.kind] ?? item.kind} · ${item.topics.join(", ")} · ${statusWords[item.status] ?? item.status}` }),
    el("p", { text: timeText(item), attrs: { "data-testid": "report-time" }, className: item.isLate || item.status === "timeUp" ? "late" : "" }),
  ];
  if (item.answerText) {
    children.push(el("h4", { text: "Answer" }), el("pre", { className: "answer", text: item.answerText }));
  } else {
    children.push(el("p", { className: "muted", text: item.status === "submitted" ? "Answered with no written text." : "No written answer." }));
  }
  children.push(el("p", { className: "score", attrs: { "data-testid": "report-score" }, text: scoreText(score) }));
  if (score && score.suggestedOverall != null && score.suggestedOverall !== score.overall) {
    children.push(el("p", { className: "muted small", text: `Suggested from the criteria: ${score.suggestedOverall} / 5` }));
  }
  if (score?.redFlags?.length) {
    children.push(el("p", { className: "late", text: `Red flags ticked: ${score.redFlags.join(", ")}` }));
  }
  if (score?.criteria) {
    children.push(el("ul", { className: "criteria", attrs: { "data-testid": "report-criteria" } },
      score.criteria.map(c => el("li", {}, [el("span", { text: c.text }), el("strong", { text: ` — ${ratingWords[c.rating] ?? c.rating}` })]))));
  }
  if (score?.notes) {
    children.push(el("h4", { text: "Notes" }), el("p", { className: "notes", text: score.notes, attrs: { "data-testid": "report-notes" } }));
  }
  return el("li", { className: "card report-item", attrs: { "data-testid": "report-item" } }, children);
}

function timeText(item) {
  const box = `${item.timeLimitSeconds} s`;
  if (item.status === "timeUp") return `Time up (${box})`;
  if (item.status === "closed") return `Closed when the room ended (${box})`;
  if (item.responseTimeMs == null) return `Not answered yet (${box})`;
  return `${(item.responseTimeMs / 1000).toFixed(1)} s of ${box}${item.isLate ? " — late" : ""}`;
}

function scoreText(score) {
  if (!score) return "Not scored";
  if (score.notAssessed) return "Not assessed";
  return score.overall != null ? `${score.overall} / 5` : "Not scored";
}

function wireDownloads(report, token) {
  document.getElementById("download-csv").addEventListener("click", async () => {
    try {
      const blob = await api(`/api/rooms/${roomId}/report?format=csv`, { token, accept: "text/csv" });
      save(blob, `interview-${report.roomCode}.csv`);
    } catch (error) {
      announce(`Could not download the CSV: ${error.message}`, "error");
    }
  });
  document.getElementById("download-json").addEventListener("click", () =>
    save(new Blob([JSON.stringify(report, null, 2)], { type: "application/json" }), `interview-${report.roomCode}.json`));
  document.getElementById("print-report").addEventListener("click", () => window.print());
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
