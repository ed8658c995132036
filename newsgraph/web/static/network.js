// Network page: actors as nodes, actor -> recipient events as edges coloured by PLOVER type.
// A small force layout (repulsion, springs, centring) run for a fixed number of steps,
// drawn as SVG. Labels are set with textContent, so names are never parsed as markup.
"use strict";

const NS = "http://www.w3.org/2000/svg";
const W = 960, H = 600;

function el(name, attrs, parent) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

// Fruchterman-Reingold: every pair repels (k^2/d), linked nodes attract (d^2/k), a weak
// gravity keeps separate components on screen, and a cooling step size lets it settle.
function layout(nodes, edges, steps) {
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(nodes.length, 1);
    n.x = W / 2 + 150 * Math.cos(a); n.y = H / 2 + 150 * Math.sin(a);
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const k = Math.min(90, Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.5);
  for (let step = 0; step < steps; step++) {
    const heat = (W / 12) * (1 - step / steps) + 0.5;
    for (const n of nodes) { n.dx = (W / 2 - n.x) * 0.015 * k; n.dy = (H / 2 - n.y) * 0.015 * k; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x || 0.01, dy = a.y - b.y, d = Math.max(Math.hypot(dx, dy), 0.01);
        const f = (k * k) / d / d;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
    }
    for (const e of edges) {
      const a = byId.get(e.source), b = byId.get(e.target);
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(Math.hypot(dx, dy), 0.01);
      const f = d / k;
      a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
    }
    for (const n of nodes) {
      const d = Math.max(Math.hypot(n.dx, n.dy), 0.01), move = Math.min(d, heat);
      n.x = Math.min(W - 60, Math.max(20, n.x + (n.dx / d) * move));
      n.y = Math.min(H - 20, Math.max(20, n.y + (n.dy / d) * move));
    }
  }
}

function draw(svg, graph) {
  const nodes = graph.nodes.slice(0, 150);
  const keep = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  layout(nodes, edges, 300);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edgeLayer = el("g", { class: "edges" }, svg);
  const lines = edges.map((e) => {
    const a = byId.get(e.source), b = byId.get(e.target);
    const line = el("line", { class: "t-" + e.type, x1: a.x, y1: a.y, x2: b.x, y2: b.y,
      "stroke-width": Math.min(1.5 + e.count, 6) }, edgeLayer);
    el("title", {}, line).textContent = a.name + " → " + b.name + ": " + e.type + " × " + e.count;
    return { line, a, b };
  });
  const nodeLayer = el("g", { class: "nodes" }, svg);
  for (const n of nodes) {
    const link = el("a", { href: "/actors/" + encodeURIComponent(n.id) }, nodeLayer);
    link.setAttribute("aria-label", n.name + " (" + n.events + " events)");
    n.circle = el("circle", { cx: n.x, cy: n.y, r: 5 + Math.min(Math.sqrt(n.events) * 2, 14) }, link);
    el("title", {}, n.circle).textContent = n.name + (n.country ? " (" + n.country + ")" : "");
    n.label = el("text", { x: n.x + 9, y: n.y + 4 }, nodeLayer);
    n.label.textContent = n.name;
    enableDrag(svg, link, n, lines);
  }
  svg.dataset.ready = String(nodes.length);
}

function enableDrag(svg, link, node, lines) {
  let dragging = false, moved = false;
  link.addEventListener("pointerdown", (ev) => { dragging = true; moved = false; link.setPointerCapture(ev.pointerId); });
  link.addEventListener("pointermove", (ev) => {
    if (!dragging) return;
    const box = svg.getBoundingClientRect();
    node.x = ((ev.clientX - box.left) / box.width) * W;
    node.y = ((ev.clientY - box.top) / box.height) * H;
    moved = true;
    node.circle.setAttribute("cx", node.x); node.circle.setAttribute("cy", node.y);
    node.label.setAttribute("x", node.x + 9); node.label.setAttribute("y", node.y + 4);
    for (const l of lines) {
      if (l.a === node) { l.line.setAttribute("x1", node.x); l.line.setAttribute("y1", node.y); }
      if (l.b === node) { l.line.setAttribute("x2", node.x); l.line.setAttribute("y2", node.y); }
    }
  });
  link.addEventListener("pointerup", () => { dragging = false; });
  link.addEventListener("click", (ev) => { if (moved) { ev.preventDefault(); moved = false; } });
}

async function start() {
  const svg = document.getElementById("network");
  if (!svg) return;
  const response = await fetch(svg.dataset.src, { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  draw(svg, await response.json());
}

document.addEventListener("DOMContentLoaded", start);
