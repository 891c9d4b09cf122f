// The built CLI validates with ajv's standalone code, generated from the schemas at build time; from sources ajv
// compiles them. Both must judge every record alike: here, every record of every fixture (the broken ones
// included) and every nested item, against every validator.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import recordSchema from '../../src/checks/record-schema.js';
import { loadStandalone, schemaAjv, VALIDATOR_URIS } from '../../src/formats/index.js';
import { standaloneSource } from '../../src/formats/standalone.js';
import type { Check } from '../../src/types.js';
import { ROOT } from '../support/cli.js';

/** Every record's fields and nested items, as the checks see them, from every fixture. */
async function fixtureObjects(): Promise<object[]> {
  const out: object[] = [];
  const capture: Check = {
    meta: recordSchema.meta,
    create(ctx) {
      const run = recordSchema.create(ctx);
      return {
        record(rec) {
          out.push({ ...rec.fields });
          for (const items of rec.nested?.values() ?? []) for (const m of items) out.push(Object.fromEntries(m));
          run.record(rec);
        },
        finish: () => run.finish(),
      };
    },
  };
  const dir = join(ROOT, 'fixtures');
  for (const name of readdirSync(dir).filter((n) => /\.(csv|tsv|json)$/.test(n))) await analyze(join(dir, name), { checks: [capture], asOf: new Date('2026-01-01T00:00:00Z') });
  return out;
}

const judged = (v: ValidateFunction, o: object): unknown => {
  const valid = v(o);
  return { valid, errors: (v.errors ?? []).map((e: ErrorObject) => [e.instancePath, e.schemaPath, e.keyword, e.params, e.message, e.parentSchema]) };
};

describe('precompiled validators', () => {
  it('judge every fixture record and nested item as ajv compiling the schemas does', async () => {
    const objects = await fixtureObjects();
    expect(objects.length).toBeGreaterThan(2000);
    const standalone = loadStandalone(standaloneSource());
    const ajv = schemaAjv();
    let invalid = 0;
    for (const uri of VALIDATOR_URIS) {
      const a = standalone.get(uri)!;
      const b = ajv.getSchema(uri)!;
      expect(typeof a, uri).toBe('function');
      for (const o of objects) {
        const got = judged(a, o);
        expect(got, uri).toEqual(judged(b, o));
        if (!(got as { valid: boolean }).valid) invalid++;
      }
    }
    // Many of the comparisons are of failures, each with its errors.
    expect(invalid).toBeGreaterThan(5000);
  });

  it('are what the built bundles carry', () => {
    for (const file of ['dist/cli.js', 'dist/check-worker.js']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text, file).toContain('exports.v0 = validate');
    }
  });
});
