// CoWin's own identifiers: 14-digit beneficiary reference ids, 11-digit certificate ids, UUID v4 session and appointment ids.
import { isBeneficiaryRefId, isCertificateId, isDocLengthRefId, isUuidV4 } from '../validators/index.js';
import { FieldCounts } from '../formats/values.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'id-formats',
    category: 'schema',
    severity: 'error',
    description: 'Beneficiary reference ids, certificate ids, session and appointment ids not in the form CoWin generates',
    messages: {
      'ref-doc-length': 'has 13 digits, the length of the API documentation example only; real reference ids have 14',
      'ref-shape': 'is not a 14-digit beneficiary reference id',
      'certificate-shape': 'is not an 11-digit certificate id (DIVOC draws them from 10000000000-99999999999)',
      uuid: 'is not a UUID v4, the form of every CoWin {{field}}',
    },
    fields: ['beneficiary_reference_id', 'certificate_id', 'session_id', 'appointment_id'],
    docs: {
      why: "CoWin generated its ids in fixed forms: every real beneficiary reference id seen has 14 digits (the spec's example, 1234567890123, has 13), DIVOC's certificate ids are 11 digits from Math.floor(1e10 + Math.random() * 9e10), and session and appointment ids are UUID v4.",
      baseline: 'Genuine: about 0.1% [M]. Fabricated: ids of the wrong length or random hex are common [M].',
      sources: ['cowin-formats.md §0.2, §0.3, §0.5, §3.2, §7'],
    },
  },
  create(ctx) {
    const counts = new FieldCounts(['beneficiary_reference_id', 'certificate_id', 'session_id', 'appointment_id']);
    return {
      record(rec) {
        const f = rec.fields;
        const ref = f.beneficiary_reference_id;
        if (ref !== undefined) {
          counts.add(0);
          if (!isBeneficiaryRefId(ref)) {
            const messageId = isDocLengthRefId(ref) ? 'ref-doc-length' : 'ref-shape';
            ctx.report({ messageId, row: rec.row, line: rec.line, field: 'beneficiary_reference_id', value: ref });
          }
        }
        const cert = f.certificate_id;
        if (cert !== undefined) {
          counts.add(1);
          if (!isCertificateId(cert)) ctx.report({ messageId: 'certificate-shape', row: rec.row, line: rec.line, field: 'certificate_id', value: cert });
        }
        const session = f.session_id;
        if (session !== undefined) {
          counts.add(2);
          if (!isUuidV4(session)) ctx.report({ messageId: 'uuid', row: rec.row, line: rec.line, field: 'session_id', value: session, data: { field: 'session_id' } });
        }
        const appointment = f.appointment_id;
        if (appointment !== undefined) {
          counts.add(3);
          if (!isUuidV4(appointment)) ctx.report({ messageId: 'uuid', row: rec.row, line: rec.line, field: 'appointment_id', value: appointment, data: { field: 'appointment_id' } });
        }
      },
      finish() {
        counts.flush(ctx);
      },
    };
  },
});
