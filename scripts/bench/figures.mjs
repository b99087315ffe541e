// Figures like the ones matplotlib leaves in notebooks (640x480, its default size
// and colours): line charts, scatter plots, heatmaps and histograms, drawn with
// soft (antialiased) edges so that they compress about as well as real ones.
import { encodePng } from "./png.mjs";

const WIDTH = 640;
const HEIGHT = 480;
// matplotlib's default axes: left .125, right .9, bottom .11, top .88 of the figure.
const AXES = { left: 80, right: 576, top: 58, bottom: 427 };
const COLOURS = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
];

function canvas() {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3, 255);
  const blend = (x, y, [r, g, b], alpha) => {
    if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT || alpha <= 0) return;
    const i = (y * WIDTH + x) * 3;
    pixels[i] += (r - pixels[i]) * alpha;
    pixels[i + 1] += (g - pixels[i + 1]) * alpha;
    pixels[i + 2] += (b - pixels[i + 2]) * alpha;
  };
  /**
   * A polyline 1.5 px wide with soft edges: each pixel takes its largest coverage
   * (distance to the nearest segment), then the colour is laid once, as Agg does.
   */
  const polyline = (points, colour) => {
    const coverage = new Map(); // pixel index -> 0..1
    for (let i = 1; i < points.length; i++) {
      const [x0, y0] = points[i - 1];
      const [x1, y1] = points[i];
      const length2 = (x1 - x0) ** 2 + (y1 - y0) ** 2 || 1;
      for (let y = Math.floor(Math.min(y0, y1) - 2); y <= Math.max(y0, y1) + 2; y++) {
        for (let x = Math.floor(Math.min(x0, x1) - 2); x <= Math.max(x0, x1) + 2; x++) {
          if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT) continue;
          const t = Math.min(1, Math.max(0, ((x - x0) * (x1 - x0) + (y - y0) * (y1 - y0)) / length2));
          const distance = Math.hypot(x - (x0 + t * (x1 - x0)), y - (y0 + t * (y1 - y0)));
          const cover = Math.min(1, Math.max(0, 1.25 - distance));
          const index = y * WIDTH + x;
          if (cover > (coverage.get(index) ?? 0)) coverage.set(index, cover);
        }
      }
    }
    for (const [index, cover] of coverage) blend(index % WIDTH, Math.floor(index / WIDTH), colour, cover);
  };
  const line = (x0, y0, x1, y1, colour) => polyline([[x0, y0], [x1, y1]], colour);
  const rect = (x0, y0, x1, y1, colour) => {
    for (let y = Math.round(y0); y < Math.round(y1); y++) for (let x = Math.round(x0); x < Math.round(x1); x++) blend(x, y, colour, 1);
  };
  const disc = (cx, cy, radius, colour, alpha) => {
    for (let y = Math.floor(cy - radius - 1); y <= cy + radius + 1; y++) {
      for (let x = Math.floor(cx - radius - 1); x <= cx + radius + 1; x++) {
        const edge = radius + 0.5 - Math.hypot(x - cx, y - cy); // > 1 inside, 0..1 on the rim
        blend(x, y, colour, alpha * Math.min(1, Math.max(0, edge)));
      }
    }
  };
  return { pixels, line, polyline, rect, disc };
}

function frame(c) {
  const black = [0, 0, 0];
  const { left, right, top, bottom } = AXES;
  c.line(left, top, right, top, black);
  c.line(left, bottom, right, bottom, black);
  c.line(left, top, left, bottom, black);
  c.line(right, top, right, bottom, black);
  for (let t = 0; t <= 5; t++) {
    const x = left + ((right - left) * t) / 5;
    const y = top + ((bottom - top) * t) / 5;
    c.line(x, bottom, x, bottom + 4, black);
    c.line(left - 4, y, left, y, black);
  }
}

/** The value at each of `n` steps of a random walk, scaled into the axes' height. */
function walk(r, n) {
  const values = [0];
  for (let i = 1; i < n; i++) values.push(values[i - 1] + (r.next() - 0.5));
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  return values.map((v) => AXES.bottom - 10 - ((v - min) / span) * (AXES.bottom - AXES.top - 20));
}

const DRAW = {
  line(c, r) {
    const series = 2 + r.int(3);
    for (let s = 0; s < series; s++) {
      const ys = walk(r, 150 + r.int(450));
      const dx = (AXES.right - AXES.left) / (ys.length - 1);
      c.polyline(ys.map((y, i) => [AXES.left + dx * i, y]), COLOURS[s]);
    }
  },
  scatter(c, r) {
    const points = 400 + r.int(1200);
    for (let i = 0; i < points; i++) {
      const x = AXES.left + 8 + r.next() * (AXES.right - AXES.left - 16);
      const y = AXES.top + 8 + ((r.next() + r.next() + r.next()) / 3) * (AXES.bottom - AXES.top - 16);
      c.disc(x, y, 3, COLOURS[i % 2], 0.5);
    }
  },
  heatmap(c, r) {
    const cols = 24 + r.int(16);
    const rows = 16 + r.int(12);
    const w = (AXES.right - AXES.left) / cols;
    const h = (AXES.bottom - AXES.top) / rows;
    const phase = r.next() * 6;
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) {
        const v = Math.min(1, Math.max(0, 0.5 + 0.35 * Math.sin(x / 4 + phase) * Math.cos(y / 3) + 0.15 * (r.next() - 0.5)));
        c.rect(AXES.left + x * w, AXES.top + y * h, AXES.left + (x + 1) * w, AXES.top + (y + 1) * h, viridis(v));
      }
    }
  },
  histogram(c, r) {
    const bars = 20 + r.int(30);
    const w = (AXES.right - AXES.left) / bars;
    for (let i = 0; i < bars; i++) {
      const height = Math.exp(-(((i - bars / 2) / (bars / 5)) ** 2)) * (0.8 + 0.2 * r.next()) * (AXES.bottom - AXES.top - 10);
      c.rect(AXES.left + i * w + 1, AXES.bottom - height, AXES.left + (i + 1) * w - 1, AXES.bottom, COLOURS[0]);
    }
  },
};

/** Roughly matplotlib's default colour map, from dark purple (0) through teal to yellow (1). */
function viridis(v) {
  const stops = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ];
  const at = v * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(at));
  const t = at - i;
  return stops[i].map((channel, k) => Math.round(channel + (stops[i + 1][k] - channel) * t));
}

export const FIGURE_KINDS = Object.keys(DRAW);

/** A figure of `kind` (one of FIGURE_KINDS) as PNG bytes; the same seed state gives the same bytes. */
export function drawFigure(r, kind) {
  const c = canvas();
  DRAW[kind](c, r);
  frame(c);
  return encodePng(WIDTH, HEIGHT, c.pixels);
}
