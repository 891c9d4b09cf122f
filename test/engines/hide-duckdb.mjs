// Preload (`node --import ./test/engines/hide-duckdb.mjs ...`): @duckdb/node-api resolves as if it were not
// installed, so the CLI's answer to `--engine duckdb` without the optional package can be tested.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === '@duckdb/node-api' || specifier.startsWith('@duckdb/')) {
    const err = new Error("Cannot find package '" + specifier + "'");
    err.code = 'ERR_MODULE_NOT_FOUND';
    throw err;
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
