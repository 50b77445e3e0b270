// Curves of chosen runs overlaid: train loss, train accuracy, validation or test accuracy. Live.

import {h, fill, link, curvesLink} from './dom.js';
import * as store from './store.js';
import {DISTINCT_LINES, MEASURES, chart, chartWidth, swatch} from './chart.js';
import {heldOutKey, heldOutLabel, whyNoCurves} from './figures.js';

export function mount(view, params) {
  const chosen = new Set(params.getAll('run'));
  const chooser = h('ul', {class: 'chooser', id: 'curve-runs'});
  const charts = h('div', {class: 'charts row', id: 'charts'});
  const nothing = h('ul', {class: 'hint no-curves', id: 'no-curves', hidden: true});
  const repeated = h('p', {class: 'hint', id: 'lines-repeat', hidden: true});
  fill(view, h('section', {class: 'curves'},
    h('aside', {}, h('h2', {}, 'Runs'), chooser),
    h('div', {class: 'plotted'}, nothing, repeated, charts)));
  let plots = [];
  let shown = '';

  function selected() {
    return [...chosen].map(name => store.runs().get(name)).filter(Boolean);
  }

  // the chosen runs that have an epoch to draw; each of the others is said why not
  function drawn() {
    return selected().filter(run => !whyNoCurves(run));
  }

  function renderChooser() {
    const names = [...store.runs().keys()];
    fill(chooser, names.length ? names.map(name => {
      const box = h('input', {type: 'checkbox', checked: chosen.has(name), onchange: () => {
        if (box.checked) chosen.add(name); else chosen.delete(name);
        history.replaceState(null, '', curvesLink([...chosen]));
        render();
      }});
      const index = drawn().findIndex(run => run.name === name);
      return h('li', {}, h('label', {}, box, swatch(index), name), ' ',
        h('a', {href: link('run', name), title: 'This run alone'}, '›'));
    }) : h('li', {class: 'hint'}, store.loaded() ? 'No runs yet.' : 'Loading…'));
  }

  function render() {
    renderChooser();
    // each chosen run that draws nothing, and why: no epoch to draw, or its folder is gone
    const silent = [...chosen].sort().map(name => {
      const run = store.runs().get(name);
      if (!run) return store.loaded() ? `${name}: no such run in the board's folder (any more)` : null;
      const why = whyNoCurves(run);
      return why ? `${name}: ${why}` : null;
    }).filter(Boolean);
    fill(nothing, silent.map(line => h('li', {}, line)));
    nothing.hidden = silent.length === 0;
    const runs = drawn();
    // past the lines that can be told apart, a run's line is that of the run as many places before it
    const over = runs.length - DISTINCT_LINES;
    fill(repeated, over > 0 ? `${runs.length} runs are drawn, and ${DISTINCT_LINES} lines can be told apart: `
      + `the last ${over} (from ${runs[DISTINCT_LINES].name} on) repeat the lines of the first ${over}; `
      + 'untick some runs to tell every line apart.' : null);
    repeated.hidden = over <= 0;
    const key = runs.map(run => run.name).join('\n');
    if (key === shown) {
      plots.forEach(plot => plot.update(runs));
      return;
    }
    shown = key;
    plots.forEach(plot => plot.destroy());
    plots = [];
    if (runs.length === 0) {
      fill(charts, silent.length ? null : h('p', {class: 'hint'}, 'Choose runs on the left to see their curves '
        + 'overlaid.'));
      return;
    }
    charts.replaceChildren();
    // three charts side by side on a wide window, else one under the other
    const room = charts.clientWidth || 800;
    const width = room >= 1000 ? chartWidth(room) : Math.max(320, Math.min(900, room));
    for (const measure of MEASURES) {
      const box = h('div', {class: 'chart'});
      charts.append(box);
      plots.push(chart(box, measure, runs, width));
    }
    // runs with a validation set and runs without share the held-out chart: under it, which line is which
    if (new Set(runs.map(heldOutKey)).size > 1) {
      charts.lastElementChild.append(h('ul', {class: 'held-out', id: 'held-out-legend'}, runs.map((run, i) =>
        h('li', {}, swatch(i), `${run.name}: ${heldOutLabel(run)}`))));
    }
  }

  render();
  const unsubscribe = store.subscribe(change => {
    if (change.type === 'live') return;
    render();
  });
  return () => {
    unsubscribe();
    plots.forEach(plot => plot.destroy());
  };
}
