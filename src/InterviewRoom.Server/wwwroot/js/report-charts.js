// Horizontal bar charts as inline SVG built with the DOM: no library, no inline styles (CSP), text only via
// textContent. Each chart is a role="img" SVG with a <title> and an aria-label summary, plus a visually hidden
// table with the same numbers. Charts are drawn at their box's real width and redrawn when it changes.
import { el } from "./common.js";

const SVG = "http://www.w3.org/2000/svg";
const ROW = 46;        // one row: a text line, then the bar
const BAR = 14;
const TOP = 8;
const AXIS = 26;       // room for the tick labels under the rows
const PAD = 6;

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Cuts a label to what fits (about 7.5 px a character at 14 px) and keeps the whole text as a tooltip. */
function fitted(text, maxChars) {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1))}…`;
}

const drawn = new Map();
let printing = false;
const resizes = typeof ResizeObserver === "function"
  ? new ResizeObserver(entries => {
    if (printing) return;
    for (const entry of entries) {
      const figure = entry.target;
      const state = drawn.get(figure);
      if (state && Math.abs(plotWidth(figure) - state.width) > 4) draw(figure, state.spec);
    }
  })
  : null;

// On paper the boxes have other widths: draw at the printed width (data-print-width, CSS px) so the chart text
// prints at the size of the body text, then back at the screen width.
addEventListener("beforeprint", () => {
  printing = true;
  for (const [figure, state] of drawn) draw(figure, state.spec, Number(figure.dataset.printWidth) || undefined);
});
addEventListener("afterprint", () => {
  printing = false;
  for (const [figure, state] of drawn) draw(figure, state.spec);
});

function plotWidth(figure) {
  const box = figure.querySelector(".chart-body") ?? figure;
  return Math.max(260, Math.min(1600, Math.floor(box.clientWidth || 560)));
}

/**
 * spec: { title, summary, empty, domain, ticks: [{ value, label }], reference: { value, label }?,
 *         rows: [{ label, text, value, kind, tooltip }], table: { head: [...], rows: [[...]] } }
 * kind: "ok" | "late" | "timeup" | "low" | "none"; value is on 0..domain (clipped at the right end).
 */
export function chart(figure, spec) {
  let body = figure.querySelector(".chart-body");
  if (!body) {
    body = el("div", { className: "chart-body" });
    figure.append(body);
  }
  if (!spec.rows.length) {
    drawn.delete(figure);
    body.replaceChildren(el("p", { className: "chart-empty", text: spec.empty, attrs: { "data-testid": "chart-empty" } }));
    return;
  }
  draw(figure, spec);
  resizes?.observe(figure);
}

function draw(figure, spec, forcedWidth) {
  const body = figure.querySelector(".chart-body");
  const width = forcedWidth ?? plotWidth(figure);
  const left = PAD;
  const plot = width - PAD * 2;
  const x = value => left + (Math.max(0, Math.min(value, spec.domain)) / spec.domain) * plot;
  const height = TOP + spec.rows.length * ROW + AXIS;
  const hatch = `${figure.id}-hatch`;
  const maxChars = Math.floor(plot / 7.6);

  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, width, height, class: "chart-svg",
    role: "img", "aria-label": `${spec.title}. ${spec.summary}`, focusable: "false",
  });
  root.append(svg("title", {}, spec.title));
  const defs = svg("defs");
  const pattern = svg("pattern", { id: hatch, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  pattern.append(svg("rect", { width: 6, height: 6, class: "hatch-bg" }), svg("line", { x1: 1.5, y1: 0, x2: 1.5, y2: 6, class: "hatch-line" }));
  defs.append(pattern);
  root.append(defs);

  // Grid and tick labels.
  const bottom = TOP + spec.rows.length * ROW;
  for (const tick of spec.ticks) {
    const tx = x(tick.value);
    root.append(svg("line", { x1: tx, x2: tx, y1: TOP, y2: bottom, class: "grid" }));
    const anchor = tick.value === 0 ? "start" : tick.value >= spec.domain ? "end" : "middle";
    root.append(svg("text", { x: tx, y: bottom + 17, "text-anchor": anchor, class: "tick" }, tick.label));
  }
  root.append(svg("line", { x1: left, x2: left + plot, y1: bottom, y2: bottom, class: "axis" }));

  spec.rows.forEach((row, i) => {
    const y = TOP + i * ROW;
    const group = svg("g", { class: `row row-${row.kind}` });
    const label = svg("text", { x: left, y: y + 15, class: "row-text" });
    label.append(svg("tspan", { class: "row-label" }, fitted(row.label, 24)), svg("tspan", {}, fitted(` · ${row.text}`, Math.max(8, maxChars - Math.min(row.label.length, 24)))));
    group.append(label);
    const barY = y + 22;
    group.append(svg("rect", { x: left, y: barY, width: plot, height: BAR, rx: 3, class: "track" }));
    if (row.value != null && row.kind !== "none") {
      const barWidth = Math.max(3, x(row.value) - left);
      const fill = row.kind === "late" || row.kind === "timeup" ? `url(#${hatch})` : undefined;
      group.append(svg("rect", { x: left, y: barY, width: barWidth, height: BAR, rx: 3, class: `bar bar-${row.kind}`, fill }));
      if (row.value > spec.domain) {
        // Off the scale: a break mark at the end of the bar.
        const end = left + plot;
        group.append(svg("path", { d: `M${end - 10} ${barY - 2} l4 ${BAR + 4} M${end - 5} ${barY - 2} l4 ${BAR + 4}`, class: "break" }));
      }
    } else {
      group.append(svg("rect", { x: left + 0.5, y: barY + 0.5, width: plot - 1, height: BAR - 1, rx: 3, class: "bar-missing" }));
    }
    if (row.tooltip) group.append(svg("title", {}, row.tooltip));
    root.append(group);
  });

  if (spec.reference) {
    const rx = x(spec.reference.value);
    root.append(svg("line", { x1: rx, x2: rx, y1: TOP - 4, y2: bottom + 4, class: "reference" }));
  }

  // A table cannot be shrunk to 1 px (it grows to its content), so the visually hidden box is a div around it.
  const table = el("div", { className: "rp-sr" }, [el("table", {}, [
    el("caption", { text: spec.title }),
    el("thead", {}, [el("tr", {}, spec.table.head.map(h => el("th", { text: h, attrs: { scope: "col" } })))]),
    el("tbody", {}, spec.table.rows.map(cells => el("tr", {}, cells.map((c, j) => el(j === 0 ? "th" : "td", { text: c, attrs: j === 0 ? { scope: "row" } : {} }))))),
  ])]);
  body.replaceChildren(root, table);
  drawn.set(figure, { spec, width });
}

/** Evenly spaced ticks with round steps for 0..domain. */
export function niceTicks(domain, format, count = 4) {
  const raw = domain / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map(m => m * power).find(s => s >= raw) ?? raw;
  const ticks = [];
  for (let v = 0; v <= domain + 1e-9; v += step) ticks.push({ value: v, label: format(v) });
  return ticks;
}
