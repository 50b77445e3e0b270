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

/**
 * A number with the given digits, or a dash, rounded as the command line's %.4f rounds: its
 * shortest decimal form, half up. toFixed rounds the binary double instead, so 0.84805 (stored as
 * 0.848049999…) would show 0.8480 here and 0.8481 in the terminal and the report.
 */
export function fmt(value, digits = 4) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  // shortest decimal: |value| = 0.DIGITS × 10^point
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e');
  const shortest = mantissa.replace('.', '');
  const point = Number(exponent) + 1;
  // the figure in units of 10^-digits: DIGITS × 10^shift, rounded half up at the first dropped digit
  const shift = point + digits - shortest.length;
  let units;
  if (shift >= 0) {
    units = BigInt(shortest) * 10n ** BigInt(shift);
  } else {
    const keep = shortest.length + shift;
    units = keep > 0 ? BigInt(shortest.slice(0, keep)) : 0n;
    if (keep >= 0 && shortest[keep] >= '5') units += 1n;
  }
  const text = units.toString().padStart(digits + 1, '0');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return digits > 0 ? `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` : sign + text;
}

/**
 * Settings in the command line's words, as the board words them (lr, batch size, what is off left
 * out): "lr 0.1 · batch size 256 · epochs 10 · seed 42".
 */
export function settingsText(words) {
  return Object.entries(words || {}).map(([name, value]) => `${name} ${value}`).join(' · ');
}

/** What the board says of a run whose metrics.json it cannot read (damaged, or unreadable to it), or null. */
export function unreadText(run) {
  if (run.damaged) return `metrics.json is damaged (${run.damaged})`;
  if (run.unreadable) return `the board cannot read it (${run.unreadable})`;
  return null;
}

/**
 * Why a run has no curves to draw, in a few words, or null when it has an epoch: said wherever curves are
 * shown, instead of an empty chart.
 */
export function whyNoCurves(run) {
  if (run.epochs.length) return null;
  if (run.damaged) return `nothing to draw, its ${unreadText(run)}`;
  if (run.unreadable) return `nothing to draw, ${unreadText(run)}`;
  if (run.diverged_at_once) {
    return 'nothing to draw, the run diverged in its first epoch (no epoch ended); train it again with a smaller --lr';
  }
  if (run.status === 'running') return 'no epoch has ended yet; its curves appear as it trains';
  if (run.status === 'interrupted') return 'nothing to draw, the run was interrupted before its first epoch ended';
  return 'nothing to draw, its metrics.json records no epoch';
}
