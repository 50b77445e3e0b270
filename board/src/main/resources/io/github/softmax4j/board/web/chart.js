// Curves against epoch with uPlot: one chart per measure, one line per run.

import uPlot from '/vendor/uPlot.esm.js';
import {heldOutKey} from './figures.js';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

/** The measures a run is plotted on. */
export const MEASURES = [
  {title: () => 'Train loss', value: (run, epoch) => epoch.train_loss},
  {title: () => 'Train accuracy', value: (run, epoch) => epoch.train_acc, accuracy: true},
  {title: heldOutTitle, value: (run, epoch) => epoch[heldOutKey(run)], accuracy: true},
];

function heldOutTitle(runs) {
  const keys = new Set(runs.map(heldOutKey));
  if (keys.size > 1) return 'Validation or test accuracy';
  return keys.has('val_acc') ? 'Validation accuracy' : 'Test accuracy';
}

// steps between the epoch axis's ticks: whole epochs only (1, 2, 5, 10, 20, 50, ...), never 1.5
const EPOCH_STEPS = Array.from({length: 10}, (_, power) => [1, 2, 5].map(step => step * 10 ** power)).flat();

// after every colour has been used, the lines go round again dashed, then dotted, then dash-dotted
const DASHES = [[], [8, 4], [2, 3], [8, 3, 2, 3]];

/** How many runs' lines can be told apart: each colour plain, then dashed, dotted and dash-dotted. */
export const DISTINCT_LINES = COLORS.length * DASHES.length;

/** The line of the i-th run: {color, dash}; the first DISTINCT_LINES runs each get their own. */
export function lineStyle(i) {
  return {color: COLORS[i % COLORS.length], dash: DASHES[Math.floor(i / COLORS.length) % DASHES.length]};
}

/**
 * The width of each of three charts side by side in a row of this width, their two gaps of 12 pixels between,
 * and room kept for a scrollbar that appears once the page below them has loaded.
 */
export function chartWidth(room) {
  return Math.floor((room - 2 * 12 - 20) / 3);
}

/** A short sample of the i-th run's line, to name it beside the charts. */
export function swatch(i) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '10');
  if (i >= 0) {
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    const {color, dash} = lineStyle(i);
    for (const [key, value] of Object.entries({x1: 0, y1: 5, x2: 22, y2: 5, stroke: color, 'stroke-width': 2,
      'stroke-dasharray': dash.join(' ') || 'none'})) {
      line.setAttribute(key, value);
    }
    svg.append(line);
  }
  return svg;
}

/**
 * uPlot's columns: the epochs the runs have, in order, then one column per run (null where a run has no such
 * epoch). Only the epochs written, so a metrics.json claiming epoch 2,000,000,000 costs one point, not an array
 * of every epoch up to it.
 */
function columns(runs, measure) {
  const numbers = runs.flatMap(run => run.epochs.map(e => e.epoch)).filter(Number.isFinite);
  const epochs = [...new Set(numbers)].sort((a, b) => a - b);
  return [epochs, ...runs.map(run => {
    const byEpoch = new Map(run.epochs.map(e => [e.epoch, measure.value(run, e)]));
    return epochs.map(x => (typeof byEpoch.get(x) === 'number' ? byEpoch.get(x) : null));
  })];
}

/**
 * A chart of one measure for the runs; update(runs) redraws it with their current epochs. The
 * container's data-last-epoch says up to which epoch it is drawn.
 */
export function chart(container, measure, runs, width) {
  const options = {
    title: measure.title(runs),
    width,
    height: 240,
    // the epochs drawn, from the data (uPlot widens a single epoch to 0..2 before asking): one epoch gets half
    // an epoch of room on both sides, so that its one tick is epoch 1
    scales: {x: {time: false, range: u => {
      const epochs = u.data[0];
      const first = epochs[0];
      const last = epochs[epochs.length - 1];
      return first === last ? [first - 0.5, last + 0.5] : [first, last];
    }}, y: {range: (u, min, max) => {
      // uPlot's own room around the values, but an accuracy stays within 0..1 (one epoch's single value
      // was given room up to 1.5); the range drawn is kept in data-value-range
      const [low, high] = min == null || max == null ? [0, 1] : uPlot.rangeNum(min, max, 0.1, true);
      const range = measure.accuracy ? [Math.max(0, low), Math.min(1, high)] : [low, high];
      container.dataset.valueRange = range.join(',');
      return range;
    }}},
    // the runs' colours are shown beside the charts
    legend: {show: false},
    axes: [{label: 'epoch', incrs: EPOCH_STEPS, values: (u, ticks) => {
      const labels = ticks.map(String);
      container.dataset.epochTicks = labels.join(',');
      return labels;
    }}, {size: 60}],
    series: [{label: 'epoch'}, ...runs.map((run, i) => ({
      label: run.name,
      stroke: lineStyle(i).color, dash: lineStyle(i).dash, width: 2, points: {show: run.epochs.length < 30},
    }))],
  };
  const draw = current => {
    const data = columns(current, measure);
    container.dataset.lastEpoch = String(data[0].length ? data[0][data[0].length - 1] : 0);
    return data;
  };
  const plot = new uPlot(options, draw(runs), container);
  return {
    update: current => plot.setData(draw(current)),
    destroy: () => plot.destroy(),
  };
}
