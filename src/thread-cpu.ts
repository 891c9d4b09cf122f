// CPU time of a thread, for LEAKCHECK_DEBUG_THREADS. Its own module so the check worker can import it without
// the main thread's modules (src/parallel-checks.ts imports the whole check registry).
import { readFileSync } from 'node:fs';

/** CPU time of the calling thread in milliseconds (Linux /proc; NaN elsewhere), for LEAKCHECK_DEBUG_THREADS. */
export function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}
