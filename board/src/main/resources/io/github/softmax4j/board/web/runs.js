// The runs table: every run with its status, settings and figures; sortable, filterable, live.

import {h, fill, link, curvesLink} from './dom.js';
import * as store from './store.js';
import {unreadText, fmt, heldOutKey, heldOutLabel, kept, latest, settingsText} from './figures.js';

// a run whose metrics.json the board cannot read (damaged, or unreadable to it) says so where the settings would be
const settings = run => unreadText(run) || settingsText(run.settings);

const COLUMNS = [
  {key: 'name', label: 'Run', value: run => run.name},
  {key: 'status', label: 'Status', value: run => run.status},
  {key: 'settings', label: 'Settings', value: run => settings(run)},
  {key: 'epoch', label: 'Epoch', value: run => latest(run)?.epoch ?? 0, number: true},
  {key: 'loss', label: 'Train loss', value: run => latest(run)?.train_loss, number: true},
  {key: 'train', label: 'Train acc', value: run => latest(run)?.train_acc, number: true},
  {key: 'heldout', label: 'Val / test acc', value: run => latest(run)?.[heldOutKey(run)], number: true},
  {key: 'kept', label: 'Kept (val → test)', value: run => kept(run)?.test_acc, number: true},
];

export function mount(view) {
  const chosen = new Set();
  let sortKey = 'name';
  let ascending = true;
  const filter = h('input', {type: 'search', id: 'runs-filter', placeholder: 'Filter by name, status or setting',
    oninput: render});
  const compare = h('button', {type: 'button', id: 'compare', onclick: () => {
    location.hash = curvesLink([...chosen]);
  }}, 'Compare curves');
  const head = h('tr', {}, h('th', {}, ''), COLUMNS.map(column => h('th', {
    class: column.number ? 'num sortable' : 'sortable', dataset: {key: column.key},
    onclick: () => {
      ascending = sortKey === column.key ? !ascending : true;
      sortKey = column.key;
      render();
    }}, column.label)));
  const body = h('tbody');
  const empty = h('p', {class: 'hint'});
  const tooDeep = h('p', {class: 'hint', id: 'too-deep', hidden: true});
  const sweepList = h('ul', {class: 'sweeps'});
  fill(view, h('section', {},
    h('div', {class: 'toolbar'}, filter, compare),
    h('table', {id: 'runs-table', class: 'runs'}, h('thead', {}, head), body),
    empty, tooDeep,
    h('h2', {}, 'Sweeps'), sweepList));

  function render() {
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const column = COLUMNS.find(c => c.key === sortKey);
    const rows = [...store.runs().values()]
      .filter(run => words.every(word => [run.name, run.status, settings(run)].join(' ').toLowerCase().includes(word)))
      .sort((a, b) => compareValues(column.value(a), column.value(b)) * (ascending ? 1 : -1));
    for (const th of head.querySelectorAll('th[data-key]')) {
      th.classList.toggle('sorted', th.dataset.key === sortKey);
      th.classList.toggle('descending', th.dataset.key === sortKey && !ascending);
    }
    fill(body, rows.map(row));
    const none = 'No run folders yet. Start one with ./softmax4j train --out DIR/NAME, DIR being the folder this '
      + 'board shows (runs by default); it appears here by itself.';
    const deep = store.folder().too_deep;
    fill(empty, !store.loaded() ? 'Loading…' : store.runs().size === 0 ? (deep.length ? '' : none)
      : rows.length === 0 ? 'No run matches the filter.' : '');
    fill(tooDeep, deep.length ? tooDeepText(deep, store.folder().max_depth) : null);
    tooDeep.hidden = deep.length === 0;
    compare.disabled = chosen.size === 0;
    const sweeps = [...store.sweeps().values()];
    fill(sweepList, sweeps.length ? sweeps.map(sweep => h('li', {},
      h('a', {href: link('sweep', sweep.name)}, sweep.name), ` — ${sweep.runs.length} run${sweep.runs.length === 1 ? '' : 's'}`))
      : h('li', {class: 'hint'}, !store.loaded() ? 'Loading…' : 'No sweeps in this folder. ./softmax4j sweep writes '
        + 'them into sweeps/: to see them, start the board with ./softmax4j board sweeps, or ./softmax4j board . '
        + 'for runs and sweeps together.'));
  }

  function row(run) {
    const last = latest(run);
    const best = kept(run);
    const box = h('input', {type: 'checkbox', title: 'Choose for the curves', checked: chosen.has(run.name),
      onchange: () => {
        if (box.checked) chosen.add(run.name); else chosen.delete(run.name);
        compare.disabled = chosen.size === 0;
      }});
    return h('tr', {dataset: {run: run.name}},
      h('td', {}, box),
      h('td', {class: 'name'}, h('a', {href: link('run', run.name)}, run.name)),
      h('td', {}, h('span', {class: 'status ' + run.status}, run.status)),
      h('td', {class: 'settings'}, settings(run)),
      // a run whose metrics.json could not be read has no known epoch, not 0
      h('td', {class: 'num epoch'}, last ? last.epoch : run.damaged || run.unreadable ? '–' : 0),
      h('td', {class: 'num'}, fmt(last?.train_loss)),
      h('td', {class: 'num'}, fmt(last?.train_acc)),
      h('td', {class: 'num', title: heldOutLabel(run)}, fmt(last?.[heldOutKey(run)])),
      h('td', {class: 'num kept'}, best ? `epoch ${best.epoch}: ${fmt(best.val_acc)} → ${fmt(best.test_acc)}` : '–'));
  }

  render();
  return store.subscribe(render);
}

// the run folders deeper than the board looks, named (the first few), and how to see them: a board on each
// folder that holds them (the first few)
function tooDeepText(names, depth) {
  const one = names.length === 1;
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
  const holders = [...new Set(names.map(name => name.slice(0, name.lastIndexOf('/'))))];
  const boards = holders.slice(0, 3).map(holder => `./softmax4j board DIR/${holder}`).join(', ')
    + (holders.length > 3 ? ` and ${holders.length - 3} more folders` : '');
  return `${one ? 'A run folder lies' : `${names.length} run folders lie`} more than ${depth} levels below this `
    + `board's folder, deeper than the board looks for runs, so ${one ? 'it is' : 'they are'} not shown: ${shown}. `
    + `To see ${one ? 'it' : 'them'}, start a board on ${holders.length === 1 ? 'the' : 'each'} folder that holds `
    + `${one ? 'it' : 'them'}: ${boards}, DIR being this board's folder.`;
}

function compareValues(a, b) {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}
