// How many CPUs sat idle, machine-wide, between two readings of the kernel's counters (/proc/stat, Linux only).

import { readFileSync } from 'node:fs';

/** Idle and total jiffies of all CPUs, or undefined where there is no /proc/stat. */
function readCounters() {
  let line;
  try {
    line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  } catch {
    return undefined;
  }
  // cpu  user nice system idle iowait irq softirq steal ...
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { idle, total: fields.reduce((sum, n) => sum + n, 0) };
}

/**
 * A sampler: each call returns the number of CPUs left idle since the previous call (e.g. 0.9 of 2 when one was
 * mostly free), undefined on the first call or where the counters cannot be read.
 * @param {number} cpus
 * @returns {() => number | undefined}
 */
export function idleCpuSampler(cpus) {
  let previous = readCounters();
  return () => {
    const now = readCounters();
    const before = previous;
    previous = now;
    if (!now || !before || now.total <= before.total) return undefined;
    return ((now.idle - before.idle) / (now.total - before.total)) * cpus;
  };
}
