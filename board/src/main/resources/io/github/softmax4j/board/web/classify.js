// Classify a picture: drop or choose a file, or draw a garment; see the top classes and the input.

import {h, fill, apiPath, pixelCanvas, fromBase64} from './dom.js';
import * as store from './store.js';
import {fmt, unreadText} from './figures.js';

const SIDE = 280;

export function mount(view, params) {
  // the run asked for in the address, until one is picked: not the first listed, which the select shows while the
  // runs arrive one by one
  let wanted = params.get('run');
  const select = h('select', {id: 'classify-run', onchange: () => {
    wanted = select.value;
    if (last) classify(last.blob, last.name);
  }});
  const file = h('input', {type: 'file', id: 'classify-file', accept: 'image/*', onchange: () => {
    if (file.files[0]) classify(file.files[0], file.files[0].name);
  }});
  const drop = h('label', {class: 'drop', id: 'drop'}, 'Drop a picture here, or click to choose one', file);
  const pad = h('canvas', {width: SIDE, height: SIDE, class: 'pad', id: 'pad'});
  const result = h('div', {class: 'result', id: 'classify-result'});
  // why the run the address names is not the one offered, when it cannot classify
  const unusable = h('p', {class: 'hint', id: 'classify-unusable', hidden: true});
  let last = null;
  let url = null;
  const shown = blob => {
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(blob);
    return url;
  };
  fill(view, h('section', {class: 'classify'},
    h('div', {class: 'inputs'},
      h('label', {}, 'Model of run ', select),
      unusable,
      drop,
      h('p', {class: 'hint'}, 'Or draw a garment, light on dark, as Fashion-MNIST shows them:'),
      pad,
      h('div', {class: 'toolbar'},
        h('button', {type: 'button', onclick: clearPad}, 'Clear'),
        h('button', {type: 'button', id: 'classify-drawing', onclick: classifyDrawing}, 'Classify the drawing'))),
    result));

  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, event => {
      event.preventDefault();
      drop.classList.add('over');
    });
  }
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', event => {
    event.preventDefault();
    drop.classList.remove('over');
    const dropped = event.dataTransfer.files[0];
    if (dropped) classify(dropped, dropped.name);
  });

  const context = pad.getContext('2d');
  // whether anything was drawn since the pad was cleared: a blank pad is not sent
  let drawn = false;
  function clearPad() {
    context.fillStyle = '#000';
    context.fillRect(0, 0, SIDE, SIDE);
    drawn = false;
  }
  function classifyDrawing() {
    if (!drawn) {
      fill(result, h('p', {class: 'error'}, 'Nothing is drawn yet: draw a garment on the black square, light on '
        + 'dark, then classify the drawing.'));
      return;
    }
    pad.toBlob(blob => classify(blob, 'drawing.png'));
  }
  clearPad();
  let drawing = false;
  const at = event => {
    const box = pad.getBoundingClientRect();
    return [(event.clientX - box.left) * SIDE / box.width, (event.clientY - box.top) * SIDE / box.height];
  };
  pad.addEventListener('pointerdown', event => {
    drawing = true;
    pad.setPointerCapture(event.pointerId);
    context.beginPath();
    context.moveTo(...at(event));
  });
  pad.addEventListener('pointermove', event => {
    if (!drawing) return;
    context.strokeStyle = '#fff';
    context.lineWidth = 22;
    context.lineCap = context.lineJoin = 'round';
    context.lineTo(...at(event));
    context.stroke();
    drawn = true;
  });
  pad.addEventListener('pointerup', () => { drawing = false; });

  function renderRuns() {
    const runs = [...store.runs().values()];
    const usable = runs.filter(run => run.can_classify);
    const shown = wanted ?? select.value;
    fill(select, usable.length ? usable.map(run => h('option', {value: run.name, selected: run.name === shown},
      run.name + (run.model === 'model.safetensors' ? '' : ' (latest checkpoint)')))
      : h('option', {value: ''}, noneCan(runs)));
    const asked = wanted && store.loaded() && !usable.some(run => run.name === wanted);
    unusable.hidden = !asked;
    if (asked) {
      fill(unusable, `Run ${wanted} cannot classify: ${whyNot(store.runs().get(wanted))}`
        + (select.value ? `; the model of run ${select.value} is offered instead.` : '.'));
    }
  }

  async function classify(blob, name) {
    last = {blob, name};
    if (!select.value) {
      const none = noneCan([...store.runs().values()]);
      fill(result, h('p', {class: 'error'}, none[0].toUpperCase() + none.slice(1) + '; train one first.'));
      return;
    }
    if (blob.size === 0) {
      fill(result, h('p', {class: 'error'}, name + ': the file is empty (0 bytes); choose a picture, such as a PNG or '
        + 'JPEG.'));
      return;
    }
    fill(result, h('p', {class: 'hint'}, 'Classifying…'));
    const post = path => store.getJson(path, {method: 'POST', body: blob,
      headers: {'Content-Type': 'application/octet-stream'}});
    const query = '?top=5&input=' + encodeURIComponent(name);
    try {
      const [prediction, input] = await Promise.all([post(apiPath('runs', select.value, 'predict') + query),
        post('/api/prepare' + query)]);
      fill(result,
        h('h2', {}, h('span', {id: 'prediction-label'}, prediction.label), ' ',
          h('span', {class: 'probability'}, fmt(prediction.probability * 100, 1) + '%')),
        h('div', {class: 'bars'}, prediction.top.map(entry => {
          const bar = h('span', {class: 'bar'});
          bar.style.width = (entry.probability * 100).toFixed(1) + '%';
          return h('div', {class: 'bar-row'}, h('span', {class: 'bar-label'}, entry.label),
            h('span', {class: 'bar-track'}, bar), h('span', {class: 'num'}, fmt(entry.probability * 100, 1) + '%'));
        })),
        h('div', {class: 'seen'},
          h('figure', {}, h('img', {src: shown(blob), alt: name, class: 'original'}),
            h('figcaption', {}, name)),
          h('figure', {}, pixelCanvas(fromBase64(input.pixels), input.side, 6),
            h('figcaption', {}, `What the model saw: ${input.side}×${input.side} pixels`))));
    } catch (error) {
      fill(result, h('p', {class: 'error'}, error.message));
    }
  }

  renderRuns();
  return store.subscribe(change => {
    if (change.type !== 'epoch') renderRuns();
  });
}

/** Why the run cannot classify, in a few words; run is undefined when the board has no such run. */
function whyNot(run) {
  if (!run) return 'there is no such run in the board\'s folder';
  if (run.damaged) return 'its ' + unreadText(run);
  if (run.unreadable) return unreadText(run);
  if (run.diverged_at_once && run.model) return 'it diverged in its first epoch and holds the untrained start';
  return 'it has no model file yet';
}

// why no run can classify: none has a model yet, or each that has one cannot be used, as the runs say
function noneCan(runs) {
  const damaged = runs.filter(run => run.damaged).length;
  const unreadable = runs.filter(run => run.unreadable).length;
  const untrained = runs.filter(run => run.diverged_at_once && run.model && !run.damaged && !run.can_classify).length;
  if (damaged + unreadable + untrained === 0) {
    return 'no run has a model yet';
  }
  const reasons = [];
  if (damaged) {
    reasons.push(damaged === 1 ? '1 has a damaged metrics.json' : damaged + ' have a damaged metrics.json');
  }
  if (unreadable) {
    reasons.push(unreadable === 1 ? '1 cannot be read by the board' : unreadable + ' cannot be read by the board');
  }
  if (untrained) {
    reasons.push(untrained === 1 ? '1 diverged in its first epoch and holds the untrained start'
      : untrained + ' diverged in their first epoch and hold the untrained start');
  }
  const rest = runs.length - damaged - unreadable - untrained;
  if (rest) {
    reasons.push(rest === 1 ? '1 has no model file' : rest + ' have no model file');
  }
  return 'no run can classify: ' + reasons.join(', ');
}
