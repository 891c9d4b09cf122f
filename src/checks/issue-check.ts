// Shared shape of the structure checks: each turns some kinds of ingest issue into findings.
import { defineCheck, type Check, type CheckContext, type CheckMeta, type IngestIssue } from '../types.js';

/**
 * A structure check reporting the ingest issues whose code is a key of `messageFor`. What each could have been
 * found in: every record read or skipped, and `units(ctx)` more (a header's cells).
 */
export function issueCheck(meta: CheckMeta, messageFor: Partial<Record<IngestIssue['code'], string>>, units: (ctx: CheckContext) => number = () => 0): Check {
  return defineCheck({
    meta,
    create(ctx) {
      return {
        record() {},
        issue(issue) {
          const messageId = messageFor[issue.code];
          if (!messageId) return;
          ctx.report({ messageId, line: issue.line, row: issue.row, field: null, value: issue.column ?? null, data: issue.data });
        },
        finish() {
          ctx.applicable(ctx.input.rows + ctx.input.rowsSkipped + units(ctx));
        },
      };
    },
  });
}
