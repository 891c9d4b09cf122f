// A progress bar on stderr for large inputs: only on a terminal, never with --quiet.
import { statSync } from 'node:fs';
import cliProgress from 'cli-progress';

/** Inputs smaller than this get no bar. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

export interface Progress {
  /** Bytes read so far, of `size` when the sample knows its size (a folder's files together); else of the file's. */
  update(bytes: number, size?: number): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

/**
 * A bar for reading `file` when stderr is a TTY and not quiet, drawn once the input is known to be at least
 * PROGRESS_MIN_BYTES (the file's size, or the size the first update gives: a folder's); otherwise a progress that
 * does nothing. Standard input (size unknown) gets no bar.
 */
export function startProgress(file: string, opts: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  if (opts.quiet || stream.isTTY !== true || file === '-') return SILENT;
  let fileSize: number | undefined;
  try {
    const st = statSync(file);
    if (st.isFile()) fileSize = st.size;
  } catch {
    return SILENT;
  }
  const mb = (b: number): string => (b / 1048576).toFixed(1);
  let bar: cliProgress.SingleBar | null | undefined;
  let total = 0;
  return {
    update(bytes, size) {
      if (bar === undefined) {
        total = size ?? fileSize ?? 0;
        bar = null;
        if (total < PROGRESS_MIN_BYTES) return;
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: 'leakcheck |{bar}| {percentage}% {done} of {size} MB',
            hideCursor: true,
            clearOnComplete: true,
            fps: 5,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0, { done: mb(0), size: mb(total) });
      }
      // Bytes read may pass the size given (a folder's files that are not read count in it; gzip reads its
      // compressed bytes): capped at the total.
      bar?.update(Math.min(bytes, total), { done: mb(Math.min(bytes, total)) });
    },
    stop() {
      bar?.stop();
    },
  };
}
