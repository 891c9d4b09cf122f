// The JSON Schema of the JSON report, shipped with the tool (`leakcheck schema`).
import schema from './report-schema.json' with { type: 'json' };

export const REPORT_SCHEMA: object = schema;
