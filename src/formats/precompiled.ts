// ajv's standalone code for every schema (src/formats/standalone.ts), as the build writes it into the bundled
// CLI and check worker (src/dev/bundle.ts replaces this module there). Run from sources it holds nothing, and
// ajv compiles the schemas on first use.
export const PRECOMPILED: string | undefined = undefined;
