// A progress bar on stderr for large inputs: only on a terminal, never with --quiet.
import { statSync } from 'node:fs';
import cliProgress from 'cli-progress';

/** Inputs smaller than this get no bar. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

export interface Progress {
  update(bytes: number): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

/**
 * A bar for reading `file` when stderr is a TTY, not quiet, and the file is at least PROGRESS_MIN_BYTES; otherwise
 * a progress that does nothing. Standard input (size unknown) gets no bar.
 */
export function startProgress(file: string, opts: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  if (opts.quiet || stream.isTTY !== true || file === '-') return SILENT;
  let total: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return SILENT;
    total = st.size;
  } catch {
    return SILENT;
  }
  if (total < PROGRESS_MIN_BYTES) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'leakcheck |{bar}| {percentage}% {done} of {size} MB',
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const mb = (b: number): string => (b / 1048576).toFixed(1);
  bar.start(total, 0, { done: mb(0), size: mb(total) });
  return {
    // Bytes read may pass the file size for gzip input (decompressed bytes): cap at the total.
    update(bytes) {
      bar.update(Math.min(bytes, total), { done: mb(Math.min(bytes, total)) });
    },
    stop() {
      bar.stop();
    },
  };
}
