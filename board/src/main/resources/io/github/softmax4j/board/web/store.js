// The page's one state: the runs and sweeps as the server last told, kept current by its events.

const state = {runs: new Map(), sweeps: new Map(), folder: {max_depth: 0, too_deep: []}, live: false, loaded: false};
const listeners = new Set();

export function runs() { return state.runs; }
export function sweeps() { return state.sweeps; }
/** The folder as a whole: {max_depth, too_deep}, the run folders one level deeper than the board looks. */
export function folder() { return state.folder; }
export function live() { return state.live; }
/** Whether the runs have been read at least once. */
export function loaded() { return state.loaded; }

/** Calls listener(change) after every change; change = {type, name}. Returns the unsubscribe function. */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(type, name) {
  for (const listener of [...listeners]) listener({type, name});
}

/** JSON from the API, or an Error carrying the server's one-sentence message. */
export async function getJson(path, options) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({error: `the board answered ${response.status} without JSON`}));
  if (!response.ok) throw new Error(body.error || `the board answered ${response.status}`);
  return body;
}

async function reload() {
  const [runList, sweepList, folder] = await Promise.all([getJson('/api/runs'), getJson('/api/sweeps'),
    getJson('/api/folder')]);
  state.runs = new Map(runList.map(run => [run.name, run]));
  state.sweeps = new Map(sweepList.map(sweep => [sweep.name, sweep]));
  state.folder = folder;
  state.loaded = true;
  changed('all');
}

/** Reads the runs and follows the event stream; after a lost connection, reads them afresh. */
export function start() {
  reload().catch(() => changed('live'));
  const events = new EventSource('/api/events');
  let opened = false;
  events.addEventListener('open', () => {
    state.live = true;
    if (opened) reload().catch(() => changed('live'));
    else changed('live');
    opened = true;
  });
  events.addEventListener('error', () => {
    state.live = false;
    changed('live');
  });
  events.addEventListener('run', message => {
    const run = JSON.parse(message.data);
    state.runs.set(run.name, run);
    changed('run', run.name);
  });
  events.addEventListener('epoch', message => {
    const {run: name, epoch} = JSON.parse(message.data);
    const run = state.runs.get(name);
    if (!run) return;
    const last = run.epochs[run.epochs.length - 1];
    if ((last ? last.epoch : 0) + 1 === epoch.epoch) {
      run.epochs.push(epoch);
      changed('epoch', name);
    } else if (!last || epoch.epoch > last.epoch) {
      // an epoch was missed while the list was being read: read the run again
      getJson('/api/runs/' + name.split('/').map(encodeURIComponent).join('/')).then(fresh => {
        state.runs.set(name, fresh);
        changed('run', name);
      }).catch(() => {});
    }
  });
  events.addEventListener('removed', message => {
    const {run: name} = JSON.parse(message.data);
    state.runs.delete(name);
    changed('removed', name);
  });
  events.addEventListener('folder', message => {
    state.folder = JSON.parse(message.data);
    changed('folder');
  });
  events.addEventListener('sweep', message => {
    const sweep = JSON.parse(message.data);
    state.sweeps.set(sweep.name, sweep);
    changed('sweep', sweep.name);
  });
}
