// The page: one view at a time, chosen by the address's hash; the runs come from the store.

import {h, fill} from './dom.js';
import * as store from './store.js';
import * as runs from './runs.js';
import * as curves from './curves.js';
import * as run from './run.js';
import * as sweep from './sweep.js';
import * as classify from './classify.js';

const view = document.getElementById('view');
const live = document.getElementById('live');
let unmount = () => {};

function decodeName(path) {
  return path.split('/').map(decodeURIComponent).join('/');
}

function show() {
  unmount();
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query || '');
  const [first, ...rest] = path.split('/');
  const views = {'': runs, curves, run, sweep, classify};
  const chosen = views[first] || runs;
  for (const a of document.querySelectorAll('nav a')) {
    a.classList.toggle('active', a.dataset.view === (first || 'runs'));
  }
  let name;
  try {
    name = decodeName(rest.join('/'));
  } catch (error) {
    // a hand-edited address: a % not followed by two hex digits, or bytes that are not UTF-8
    fill(view, h('p', {class: 'error'}, `This address names no run or sweep the board can read (${path} is not `
      + 'percent-encoded); choose one from the Runs list.'));
    unmount = () => {};
    return;
  }
  try {
    unmount = chosen.mount(view, params, name) || (() => {});
  } catch (error) {
    fill(view, h('p', {class: 'error'}, error.message));
    unmount = () => {};
  }
}

store.subscribe(() => {
  live.textContent = store.live() ? 'live' : 'reconnecting';
  live.classList.toggle('on', store.live());
});
window.addEventListener('hashchange', show);
store.start();
show();
