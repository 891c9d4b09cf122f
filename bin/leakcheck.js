#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci`).
import('../dist/cli.js').then(
  async ({ main }) => {
    process.exitCode = await main(process.argv.slice(2));
  },
  (err) => {
    const notBuilt = err && err.code === 'ERR_MODULE_NOT_FOUND';
    process.stderr.write(`leakcheck: cannot start (${notBuilt ? 'not built: run npm run build' : String(err && err.message)})\n`);
    process.exitCode = 3;
  },
);
