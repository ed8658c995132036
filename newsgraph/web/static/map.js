// Map page: draw country outlines (GeoJSON served by this app) under the place circles.
// Equirectangular: x = lon + 180, y = 90 - lat, in a 360 x 180 viewBox.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

function ringPath(ring) {
  return ring.map((p, i) => (i ? "L" : "M") + (p[0] + 180).toFixed(1) + " " + (90 - p[1]).toFixed(1))
    .join("") + "Z";
}

function featurePath(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map(ringPath).join("")).join("");
}

async function drawOutlines() {
  const map = document.getElementById("map");
  if (!map) return;
  const response = await fetch(map.dataset.outlines);
  if (!response.ok) return;
  const world = await response.json();
  const layer = document.getElementById("outlines");
  for (const feature of world.features) {
    const path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", featurePath(feature.geometry));
    const title = document.createElementNS(SVG_NS, "title");
    title.textContent = feature.properties.name || "";
    path.appendChild(title);
    layer.appendChild(path);
  }
  map.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", drawOutlines);
