// What a run's numbers mean: its latest and kept figures, its settings in a few words.

/** The accuracy curve of held-out data: validation when the run has it, else test. */
export function heldOutKey(run) {
  return run.epochs.some(e => typeof e.val_acc === 'number') ? 'val_acc' : 'test_acc';
}

export function heldOutLabel(run) {
  return heldOutKey(run) === 'val_acc' ? 'val acc' : 'test acc';
}

/** The last epoch written, or null. */
export function latest(run) {
  return run.epochs.length ? run.epochs[run.epochs.length - 1] : null;
}

/** The kept epoch of a validated run, {epoch, val_acc, test_acc}, or null. */
export function kept(run) {
  return run.selected || null;
}

/** A number with the given digits, or a dash. */
export function fmt(value, digits = 4) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–';
}

const SHOWN = [
  ['lr', 'learning_rate'], ['batch', 'batch_size'], ['epochs', 'epochs'], ['seed', 'seed'],
  ['momentum', 'momentum'], ['decay', 'weight_decay'], ['schedule', 'lr_schedule'],
  ['validation', 'validation'], ['stop after', 'early_stopping'], ['pixels', 'pixel_scaling'],
];

/** The settings that tell runs apart, in a few words: "lr 0.1 · batch 256 · epochs 10 · seed 42". */
export function settings(run) {
  const config = run.config || {};
  return SHOWN.filter(([, key]) => config[key] !== undefined && config[key] !== null && config[key] !== 0
      && config[key] !== 'none' && config[key] !== 'constant')
    .map(([label, key]) => `${label} ${config[key]}`).join(' · ');
}
