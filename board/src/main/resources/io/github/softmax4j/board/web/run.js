// One run: its settings, figures, curves, pictures and confusion matrix; a cell shows its images.

import {h, fill, link, apiPath, pixelCanvas, fromBase64} from './dom.js';
import * as store from './store.js';
import {MEASURES, chart, chartWidth} from './chart.js';
import {unreadText, fmt, heldOutKey, heldOutLabel, kept, latest, whyNoCurves} from './figures.js';

export function mount(view, params, name) {
  const header = h('div', {class: 'run-header'});
  const figures = h('div', {class: 'figures'});
  const charts = h('div', {class: 'charts row'});
  const pictures = h('div', {class: 'pictures'});
  const confusion = h('div', {class: 'confusion', id: 'confusion'});
  const cell = h('div', {class: 'cell-images', id: 'cell-images'});
  // how to read the matrix, shown only when there is one
  const reading = h('p', {class: 'hint', id: 'confusion-reading', hidden: true},
    'Rows are the true class, columns the predicted class. Click a cell to see its test images.');
  const body = h('div', {hidden: true}, figures, charts,
    h('h2', {}, 'Confusion on the test set'), reading, confusion, cell, h('h2', {}, 'Pictures'), pictures);
  fill(view, h('section', {class: 'run'}, header, body));
  let plots = [];
  let status = null;
  let shownPictures = null;

  function render() {
    const run = store.runs().get(name);
    if (!run) {
      fill(header, h('h2', {}, name), h('p', {class: 'hint'}, store.loaded()
        ? 'No such run in the board\'s folder (any more).' : 'Loading…'));
      // nothing of a run that is gone stays on the page; one started again under its name is shown afresh
      body.hidden = true;
      plots.forEach(plot => plot.destroy());
      plots = [];
      status = shownPictures = null;
      [figures, charts, confusion, cell, pictures].forEach(part => part.replaceChildren());
      return;
    }
    body.hidden = false;
    fill(header, h('h2', {}, run.name, ' ', h('span', {class: 'status ' + run.status}, run.status)),
      run.sweep ? h('p', {}, 'Part of sweep ', h('a', {href: link('sweep', run.sweep)}, run.sweep)) : null,
      run.damaged ? h('p', {class: 'error', id: 'run-damaged'}, unreadText(run), ', so the board cannot show its '
        + `settings and figures; ${run.remedy}.`) : null,
      run.unreadable ? h('p', {class: 'error', id: 'run-unreadable'}, `The board cannot read this run `
        + `(${run.unreadable}), so it cannot show its settings and figures; ${run.remedy}.`) : null,
      run.diverged_at_once ? h('p', {class: 'error', id: 'run-diverged'}, 'The run diverged in its first epoch: it '
        + 'has no curves, no pictures and no model of its own (its model file holds ' + (run.started_from
          ? 'the model it started from, ' + run.started_from : 'the untrained start') + '). Train it again with '
        + 'a smaller --lr.') : null,
      run.can_classify ? h('p', {}, h('a', {href: '#/classify?run=' + encodeURIComponent(run.name)},
        'Classify a picture with this run')) : null);
    renderFigures(run);
    const why = whyNoCurves(run);
    if (why) {
      // nothing to draw, and empty frames would only look broken: a diverged, damaged or unreadable run's line
      // above says why, else a line here
      plots.forEach(plot => plot.destroy());
      plots = [];
      fill(charts, run.diverged_at_once || unreadText(run) ? null
        : h('ul', {class: 'hint no-curves', id: 'no-curves'}, h('li', {}, why[0].toUpperCase() + why.slice(1))));
    } else if (plots.length === 0) {
      charts.replaceChildren();
      const width = Math.max(300, Math.min(420, chartWidth(charts.clientWidth || 1260)));
      plots = MEASURES.map(measure => {
        const box = h('div', {class: 'chart'});
        charts.append(box);
        return chart(box, measure, [run], width);
      });
    } else {
      plots.forEach(plot => plot.update([run]));
    }
    // with the status too: a run trained on (--resume --epochs) draws its pictures again under the same names
    const drawn = JSON.stringify([run.status, run.pictures, run.missing_pictures]);
    if (drawn !== shownPictures) {
      shownPictures = drawn;
      renderPictures(run);
    }
    if (run.status !== status) {
      status = run.status;
      renderConfusion(run);
    }
  }

  function renderFigures(run) {
    const last = latest(run);
    const best = kept(run);
    const rows = Object.entries(run.settings || {}).map(([name, value]) => h('tr', {}, h('th', {}, name),
      h('td', {}, value)));
    fill(figures,
      h('table', {class: 'settings'}, h('caption', {}, 'Settings'), h('tbody', {}, rows)),
      h('table', {class: 'latest'}, h('caption', {}, 'Figures'), h('tbody', {},
        h('tr', {}, h('th', {}, 'epochs done'), h('td', {class: 'num'},
          last ? last.epoch : run.damaged || run.unreadable ? '–' : 0)),
        h('tr', {}, h('th', {}, 'train loss'), h('td', {class: 'num'}, fmt(last?.train_loss))),
        h('tr', {}, h('th', {}, 'train acc'), h('td', {class: 'num'}, fmt(last?.train_acc))),
        h('tr', {}, h('th', {}, heldOutLabel(run)), h('td', {class: 'num'}, fmt(last?.[heldOutKey(run)]))),
        best ? h('tr', {}, h('th', {}, `kept epoch ${best.epoch}`),
          h('td', {class: 'num'}, `val ${fmt(best.val_acc)}, test ${fmt(best.test_acc)}`)) : null)));
  }

  // the pictures there are, and the server's word on why the others are missing and whether they will come
  function renderPictures(run) {
    const missing = run.missing_pictures || [];
    fill(pictures, missing.length ? h('ul', {class: 'hint missing', id: 'pictures-missing'}, missing.map(group =>
      h('li', {}, (run.pictures.length || missing.length > 1 ? group.pictures.join(', ') : 'None') + ': '
        + group.why + '.'))) : null,
    run.pictures.map(picture => h('figure', {},
      h('img', {src: apiPath('runs', run.name, 'files', picture) + '?v=' + run.updated, alt: picture, loading: 'lazy'}),
      h('figcaption', {}, picture))));
  }

  async function renderConfusion(run) {
    fill(cell);
    reading.hidden = !run.can_classify;
    if (!run.can_classify) {
      fill(confusion, h('p', {class: 'hint'}, run.diverged_at_once && !run.started_from
        ? 'None: the run diverged in its first epoch and its model file holds the untrained start.'
        : unreadText(run) ? 'None: ' + unreadText(run) + '.' : 'The run has no model yet.'));
      return;
    }
    fill(confusion, h('p', {class: 'hint'}, 'Computing…'));
    try {
      const result = await store.getJson(apiPath('runs', run.name, 'confusion'));
      const max = Math.max(...result.matrix.flat());
      fill(confusion, h('p', {}, `Accuracy ${fmt(result.accuracy)} (model file ${result.model})`),
        h('table', {class: 'matrix'},
          h('thead', {}, h('tr', {}, h('th', {}, 'true \\ predicted'),
            result.classes.map(c => h('th', {class: 'rotate'}, c)))),
          h('tbody', {}, result.matrix.map((row, t) => h('tr', {}, h('th', {}, result.classes[t]),
            row.map((count, p) => {
              const td = h('td', {class: 'num' + (t === p ? ' diagonal' : ''), title: `${result.classes[t]} taken `
                + `for ${result.classes[p]}: ${count}`, onclick: () => showCell(run, result.classes, t, p)}, count);
              td.style.setProperty('--share', String(count / max));
              return td;
            }))))));
    } catch (error) {
      fill(confusion, h('p', {class: 'error'}, error.message));
    }
  }

  async function showCell(run, classes, t, p) {
    fill(cell, h('p', {class: 'hint'}, 'Loading…'));
    try {
      const result = await store.getJson(apiPath('runs', run.name, 'confusion', String(t), String(p)));
      fill(cell, h('h3', {}, `${result.count} test images of ${classes[t]} predicted as ${classes[p]}`
        + (result.count > result.images.length ? ` (the ${result.images.length} most confident)` : '')),
        h('div', {class: 'thumbs'}, result.images.map(image => h('figure', {},
          pixelCanvas(fromBase64(image.pixels), 28, 2),
          h('figcaption', {}, `#${image.index} ${fmt(image.probability, 2)}`)))));
    } catch (error) {
      fill(cell, h('p', {class: 'error'}, error.message));
    }
  }

  render();
  const unsubscribe = store.subscribe(change => {
    if (change.type === 'all' || change.type === 'live' || change.name === name) render();
  });
  return () => {
    unsubscribe();
    plots.forEach(plot => plot.destroy());
  };
}
