// The class report (/class/{classId}/report#key=…, instructor): a summary, one row per student with their answers,
// one row per question with its score distribution, and the CSV (one row per answer) fetched with the token.
import { api, el, announce, formatDuration } from "./common.js";
import { classIdFromPath, classTokens, takeFragmentToken, timeElement, statusWords, scoreWords, plural } from "./class-common.js";
import { distributionChart } from "./class-report-chart.js";

const $ = id => document.getElementById(id);
const classId = classIdFromPath();

start();

function start() {
  const fromFragment = takeFragmentToken();
  if (fromFragment && classId) classTokens.instructor.set(classId, fromFragment);
  const token = fromFragment || (classId ? classTokens.instructor.get(classId) : null);
  if (!classId || !token) {
    $("no-token").hidden = false;
    return;
  }
  $("dashboard-link").href = `/class/${encodeURIComponent(classId)}#key=${encodeURIComponent(token)}`;
  load(token);
}

async function load(token) {
  $("loading").hidden = false;
  try {
    const report = await api(`/api/classes/${encodeURIComponent(classId)}/report`, { token });
    render(report);
    wireCsv(report, token);
  } catch (error) {
    const refused = error.status === 401 || error.status === 403 || error.status === 404;
    $("load-error-text").textContent = refused ? "This key does not open this class report" : `Could not load the report: ${error.message}`;
    $("load-error-hint").textContent = refused
      ? "The report opens with the instructor's key of this class. Open it from the class dashboard."
      : "Reload the page to try again.";
    $("load-error").hidden = false;
    announce(`Could not load the report: ${error.message}`, "error");
  } finally {
    $("loading").hidden = true;
  }
}

const average = values => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const scoreNumber = value => (typeof value === "number" ? `${value.toFixed(1)} / 5` : "—");

function render(report) {
  const students = report.students ?? [];
  const questions = report.questions ?? [];
  const name = report.name || "Class";
  document.title = `${name} — Class report — InterviewRoom`;
  $("report-title").textContent = `${name}: class report`;
  $("created-at").replaceChildren(timeElement(report.createdAt));
  if (report.endedAt) $("ended-at").replaceChildren(timeElement(report.endedAt));
  else $("ended-at").textContent = "Not yet: the class is still open";

  const items = students.flatMap(s => s.items ?? []);
  const answered = items.filter(i => i.status === "submitted");
  const overall = items.map(i => i.overall).filter(v => typeof v === "number");
  const times = answered.map(i => i.responseTimeMs).filter(v => typeof v === "number");
  const late = answered.filter(i => i.isLate).length;
  const tiles = [
    ["Students", String(students.length), ""],
    ["Questions", String(questions.length), items.length ? `asked ${plural(items.length, "time")} in all` : ""],
    ["Answers", String(answered.length), late ? `${late} late` : answered.length ? "all in time" : ""],
    ["Average score", scoreNumber(average(overall)), overall.length ? `${plural(overall.length, "answer")} scored` : "nothing scored yet"],
    ["Average time", times.length ? formatDuration(Math.round(average(times))) : "—", "per answer"],
  ];
  $("summary").replaceChildren(...tiles.map(([term, value, note]) => el("div", { className: "cl-tile" }, [
    el("dt", { text: term }),
    el("dd", { className: "cl-tile-value", text: value }),
    note ? el("dd", { className: "cl-tile-note", text: note }) : null,
  ])));

  $("students-empty").hidden = students.length > 0;
  $("students-table").hidden = students.length === 0;
  $("students").replaceChildren(...[...students].sort((a, b) => a.name.localeCompare(b.name)).map(studentRow));
  $("questions-empty").hidden = questions.length > 0;
  $("questions-table").hidden = questions.length === 0;
  $("questions").replaceChildren(...[...questions].sort((a, b) => a.questionNumber - b.questionNumber).map(questionRow));
  $("report").hidden = false;
}

/** A table cell carrying its column name, shown as a label when the table is stacked on a narrow screen. */
function cell(label, content, { header = false, className } = {}) {
  const node = el(header ? "th" : "td", { className, attrs: { "data-label": label, scope: header ? "row" : undefined } });
  for (const part of Array.isArray(content) ? content : [content]) {
    if (part) node.append(typeof part === "string" ? document.createTextNode(part) : part);
  }
  return node;
}

function answerText(item) {
  const parts = [`#${item.questionNumber}`, scoreWords(item)];
  if (item.status === "submitted") parts.push(`${formatDuration(item.responseTimeMs)}${item.isLate ? " (late)" : ""}`);
  else parts.push(statusWords[item.status] ?? item.status);
  return parts.join(" · ");
}

function studentRow(student) {
  const items = student.items ?? [];
  const answers = items.length
    ? el("ul", { className: "cl-answers" }, items.map(item => el("li", {
      text: answerText(item),
      attrs: { title: `${item.questionText} (room ${item.roomCode}, round ${item.round}${item.interviewerName ? `, asked by ${item.interviewerName}` : ""})` },
    })))
    : el("span", { className: "muted", text: "None" });
  return el("tr", { attrs: { "data-testid": "class-report-student", "data-student-id": student.studentId } }, [
    cell("Student", student.name, { header: true }),
    cell("Questions answered", String(student.answered)),
    cell("Questions asked (as interviewer)", String(student.interviewed)),
    cell("Average score", scoreNumber(student.averageOverall)),
    cell("Answers", answers, { className: "cl-wide-cell" }),
  ]);
}

function questionRow(question) {
  const label = `question #${question.questionNumber}`;
  return el("tr", { attrs: { "data-testid": "class-report-question", "data-question-id": question.questionId } }, [
    cell("Question", [el("span", { className: "bank-number", text: `#${question.questionNumber} ` }), el("span", { text: question.questionText })],
      { header: true, className: "cl-question-cell" }),
    cell("Asked", String(question.asked)),
    cell("Answered", String(question.answered)),
    cell("Average score", scoreNumber(question.averageOverall)),
    cell("Average time", typeof question.averageResponseTimeMs === "number" ? formatDuration(Math.round(question.averageResponseTimeMs)) : "—"),
    cell("Score distribution", distributionChart(question.distribution, label), { className: "cl-wide-cell" }),
  ]);
}

function wireCsv(report, token) {
  const button = $("download-csv");
  button.addEventListener("click", async () => {
    button.disabled = true;
    announce("Preparing the CSV…");
    try {
      const blob = await api(`/api/classes/${encodeURIComponent(classId)}/report?format=csv`, { token, accept: "text/csv" });
      save(blob, `class-${slug(report.name)}.csv`);
    } catch (error) {
      announce(`Could not download the CSV: ${error.message}`, "error");
    } finally {
      button.disabled = false;
    }
  });
}

function slug(name) {
  return (name || "report").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "report";
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { attrs: { href: url, download: name }, className: "visually-hidden" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  announce(`Downloaded ${name}.`);
}
