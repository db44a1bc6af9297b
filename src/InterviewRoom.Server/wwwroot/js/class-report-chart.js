// A small inline SVG bar chart of one question's score distribution (1 to 5, not assessed, not scored), built with
// the DOM (no library, no inline style: CSP), with the same numbers as text beside it for everyone.
import { el } from "./common.js";

const SVG = "http://www.w3.org/2000/svg";
const BAR = 22;
const GAP = 8;
const PLOT = 56;   // bar area height
const TOP = 16;    // room for the count above a bar
const BOTTOM = 18; // room for the label under a bar

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The buckets in display order: label on the axis, words for the text, count, and a class for the colour. */
export function buckets(distribution) {
  const d = distribution ?? {};
  return [
    { axis: "1", words: "1", count: d.one ?? 0, kind: "low" },
    { axis: "2", words: "2", count: d.two ?? 0, kind: "low" },
    { axis: "3", words: "3", count: d.three ?? 0, kind: "mid" },
    { axis: "4", words: "4", count: d.four ?? 0, kind: "high" },
    { axis: "5", words: "5", count: d.five ?? 0, kind: "high" },
    { axis: "n/a", words: "not assessed", count: d.notAssessed ?? 0, kind: "na" },
    { axis: "—", words: "not scored yet", count: d.unscored ?? 0, kind: "none" },
  ];
}

export function distributionText(distribution) {
  return buckets(distribution).map(b => `${b.words}: ${b.count}`).join(" · ");
}

/** A figure: the chart for the eye, the same numbers as its caption (what screen readers get). */
export function distributionChart(distribution, questionLabel) {
  const rows = buckets(distribution);
  const max = Math.max(1, ...rows.map(r => r.count));
  const width = rows.length * (BAR + GAP) - GAP + 2;
  const height = TOP + PLOT + BOTTOM;
  const text = distributionText(distribution);
  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, width, height, class: "cl-dist-svg", "aria-hidden": "true", focusable: "false",
  });
  root.append(svg("title", {}, `Score distribution: ${text}`));
  root.append(svg("line", { x1: 0, x2: width, y1: TOP + PLOT + 0.5, y2: TOP + PLOT + 0.5, class: "cl-dist-axis" }));
  rows.forEach((row, i) => {
    const x = 1 + i * (BAR + GAP);
    const barHeight = row.count ? Math.max(3, Math.round((row.count / max) * PLOT)) : 0;
    const group = svg("g", { class: `cl-dist-bar cl-dist-${row.kind}` });
    if (barHeight) group.append(svg("rect", { x, y: TOP + PLOT - barHeight, width: BAR, height: barHeight, rx: 2 }));
    group.append(svg("text", { x: x + BAR / 2, y: TOP + PLOT - barHeight - 4, "text-anchor": "middle", class: "cl-dist-count" }, String(row.count)));
    group.append(svg("text", { x: x + BAR / 2, y: height - 4, "text-anchor": "middle", class: "cl-dist-label" }, row.axis));
    group.append(svg("title", {}, `${row.words}: ${row.count}`));
    root.append(group);
  });
  return el("figure", { className: "cl-dist", attrs: { "data-testid": "class-report-distribution" } }, [
    root,
    el("figcaption", { className: "cl-dist-text" }, [
      el("span", { className: "visually-hidden", text: `Score distribution for ${questionLabel}: ` }),
      el("span", { text }),
    ]),
  ]);
}
