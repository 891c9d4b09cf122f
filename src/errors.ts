// Errors the CLI turns into a one-line message and a documented exit code.

/** The command line is wrong (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The input cannot be read as a sample at all (exit 2). */
export class InputError extends Error {
  override name = 'InputError';
}
