// Small SVG bar charts drawn with the DOM (no library, no inline styles), each with a text alternative.
import { el } from "./common.js";

const SVG = "http://www.w3.org/2000/svg";
const width = 560;
const rowHeight = 28;
const labelWidth = 120;

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A horizontal bar chart: one row per entry, value 0..max, an optional marker per row. */
function barChart(figure, title, rows, max, unit, empty) {
  figure.querySelectorAll("svg, table, .empty").forEach(node => node.remove());
  if (!rows.length) {
    figure.append(el("p", { className: "muted empty", text: empty }));
    return;
  }
  const height = rows.length * rowHeight + 24;
  const plot = width - labelWidth - 90;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${title}: ${rows.map(r => `${r.label} ${r.text}`).join("; ")}`, class: "chart-svg" });
  chart.append(svg("title", {}, title));
  rows.forEach((row, i) => {
    const y = i * rowHeight + 4;
    chart.append(svg("text", { x: labelWidth - 8, y: y + 17, "text-anchor": "end", class: "chart-label" }, row.label));
    const barWidth = row.value == null ? 0 : Math.max(2, (row.value / max) * plot);
    chart.append(svg("rect", { x: labelWidth, y: y + 4, width: barWidth, height: rowHeight - 10, rx: 3, class: `bar ${row.className ?? ""}` }));
    if (row.marker != null) {
      const x = labelWidth + Math.min(1, row.marker / max) * plot;
      chart.append(svg("line", { x1: x, x2: x, y1: y + 1, y2: y + rowHeight - 3, class: "marker" }));
    }
    chart.append(svg("text", { x: labelWidth + barWidth + 6, y: y + 17, class: "chart-value" }, row.text));
  });
  const axisY = rows.length * rowHeight + 8;
  chart.append(svg("line", { x1: labelWidth, x2: labelWidth + plot, y1: axisY, y2: axisY, class: "axis" }));
  chart.append(svg("text", { x: labelWidth + plot, y: axisY + 14, "text-anchor": "end", class: "chart-label" }, `${max}${unit}`));
  figure.append(chart);

  const table = el("table", { className: "visually-hidden" }, [
    el("caption", { text: title }),
    el("tbody", {}, rows.map(r => el("tr", {}, [el("th", { text: r.label, attrs: { scope: "row" } }), el("td", { text: r.text })]))),
  ]);
  figure.append(table);
}

export function responseTimeChart(figure, items) {
  const rows = items.map(item => {
    const late = item.isLate || item.status === "timeUp";
    const seconds = item.status === "timeUp" ? item.timeLimitSeconds : item.responseTimeMs == null ? null : item.responseTimeMs / 1000;
    return {
      label: `Q${item.ordinal}`,
      value: seconds,
      marker: item.timeLimitSeconds,
      className: late ? "bar-late" : "",
      text: seconds == null ? "unanswered" : item.status === "timeUp" ? `time up (${item.timeLimitSeconds} s)` : `${seconds.toFixed(1)} s of ${item.timeLimitSeconds} s${item.isLate ? ", late" : ""}`,
    };
  });
  const max = Math.max(1, ...items.map(i => Math.max(i.timeLimitSeconds, (i.responseTimeMs ?? 0) / 1000)));
  barChart(figure, "Time taken per question", rows, Math.ceil(max), " s", "No question asked yet.");
}

export function scoreChart(figure, items, empty) {
  const scored = items.filter(i => i.score);
  const rows = scored.map(item => ({
    label: `Q${item.ordinal}`,
    value: item.score.notAssessed ? null : item.score.overall,
    className: item.score.overall != null && item.score.overall <= 2 ? "bar-low" : "",
    text: item.score.notAssessed ? "not assessed" : `${item.score.overall} / 5`,
  }));
  barChart(figure, "Score per question", rows, 5, "", empty);
}

export function topicChart(figure, items, empty) {
  const byTopic = new Map();
  for (const item of items) {
    const overall = item.score?.overall;
    if (typeof overall !== "number") continue;
    for (const topic of item.topics) byTopic.set(topic, [...(byTopic.get(topic) ?? []), overall]);
  }
  const rows = [...byTopic.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([topic, scores]) => {
    const average = scores.reduce((a, b) => a + b, 0) / scores.length;
    return { label: topic, value: average, text: `${average.toFixed(1)} / 5 (${scores.length})` };
  });
  barChart(figure, "Average score by topic", rows, 5, "", empty);
}
