// The last step of `npm run build`: the CLI and the check worker, as tsc wrote them to dist/, each bundled with
// its dependencies into one file written over its own tsc output (dist/cli.js, dist/check-worker.js).
// Why: Node's ES module loader spends ~0.15 s resolving, reading and compiling the ~300 files one by one before
// the CLI can start (`leakcheck --version` 0.40 s, bundled 0.25 s; measured), and the worker pays it again
// before its checks start. The other dist/ files stay as tsc wrote them for the dev scripts.
// The bundles carry every schema validator compiled ahead of time: formats/precompiled.js is replaced by ajv's
// standalone code (src/formats/standalone.ts), so no run compiles a schema (~80 ms of every start).
import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { standaloneSource } from '../formats/standalone.js';

const dist = fileURLToPath(new URL('../', import.meta.url));

const precompiled: Plugin = {
  name: 'precompiled-validators',
  setup(b) {
    const contents = `export const PRECOMPILED = ${JSON.stringify(standaloneSource())};`;
    b.onLoad({ filter: /[\\/]formats[\\/]precompiled\.js$/ }, () => ({ contents, loader: 'js' }));
  },
};

await build({
  absWorkingDir: dist,
  entryPoints: ['cli.js', 'check-worker.js'],
  outdir: dist,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Optional, with a native addon: loaded from node_modules when `--engine duckdb` asks for it.
  external: ['@duckdb/node-api'],
  // The CommonJS dependencies (ajv, commander, yauzl ...) call require() for Node's own modules.
  banner: { js: "import { createRequire as leakcheckRequire } from 'node:module'; const require = leakcheckRequire(import.meta.url);" },
  plugins: [precompiled],
  logLevel: 'warning',
});
