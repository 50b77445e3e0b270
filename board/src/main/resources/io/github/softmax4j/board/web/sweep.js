// A sweep: its ranking of settings on validation accuracy, the winner, and links to each run.

import {h, fill, link, apiPath} from './dom.js';
import * as store from './store.js';
import {fmt, kept, settingsText} from './figures.js';

// a setting of one seed has no standard deviation: sweep.json records none (null), and the page says
// "-", as the command line does
function spread(entry) {
  return entry.val_acc_sd == null ? '-' : fmt(entry.val_acc_sd);
}

// a setting whose runs all diverged has no accuracy: the command line and sweep.html say "diverged"
function mean(entry) {
  return entry.diverged ? 'diverged' : fmt(entry.val_acc_mean);
}

export function mount(view, params, name) {
  function render() {
    const sweep = store.sweeps().get(name);
    if (!sweep) {
      fill(view, h('h2', {}, name), h('p', {class: 'hint'}, store.loaded() ? 'No such sweep in the board\'s folder.'
        : 'Loading…'));
      return;
    }
    const summary = sweep.summary || {};
    const ranking = summary.ranking || [];
    const winner = summary.winner;
    const runLink = runName => {
      const full = store.runs().has(runName) ? runName : `${sweep.name}/${runName}`;
      return h('a', {href: link('run', full)}, runName);
    };
    fill(view, h('section', {class: 'sweep'},
      h('h2', {}, 'Sweep ', sweep.name),
      winner ? h('p', {class: 'winner'}, 'Winner: ', settingsText(winner.settings), ' — run ', runLink(winner.run),
        `, test accuracy ${fmt(winner.test_acc)}`) : null,
      h('h3', {}, 'Ranking on validation accuracy'),
      ranking.length ? h('table', {class: 'ranking', id: 'ranking'},
        h('thead', {}, h('tr', {}, ['#', 'Settings', 'Val acc mean', 'SD', 'Runs'].map(t => h('th', {}, t)))),
        h('tbody', {}, ranking.map((entry, i) => h('tr', {class: entry.diverged ? 'diverged' : null},
          h('td', {class: 'num'}, i + 1), h('td', {}, settingsText(entry.settings)),
          h('td', {class: 'num'}, mean(entry)), h('td', {class: 'num'}, entry.diverged ? '' : spread(entry)),
          h('td', {}, (entry.runs || []).flatMap((r, j) => (j ? [', ', runLink(r)] : [runLink(r)])))))))
        : sweep.damaged ? h('p', {class: 'error', id: 'sweep-damaged'}, `sweep.json is damaged (${sweep.damaged}), `
          + 'so its ranking and winner cannot be shown; ./softmax4j compare on the sweep\'s folder ranks its runs '
          + 'from their own files.')
        : h('p', {class: 'hint'}, 'No ranking yet: the sweep writes it when its runs are done.'),
      h('h3', {}, 'Runs'),
      h('ul', {}, sweep.runs.map(runName => {
        const run = store.runs().get(runName);
        const best = run && kept(run);
        return h('li', {}, h('a', {href: link('run', runName)}, runName), run ? ` — ${run.status}` : '',
          best ? `, kept epoch ${best.epoch}: val ${fmt(best.val_acc)}, test ${fmt(best.test_acc)}` : '');
      })),
      sweep.picture ? h('img', {src: apiPath('sweeps', sweep.name, 'files', 'sweep.png'), alt: 'sweep'}) : null));
  }
  render();
  return store.subscribe(render);
}
