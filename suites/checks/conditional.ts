import fc from 'fast-check';
import { invalidResponse, validCase, type ValidParts } from '../../generators/index.ts';
import { ERROR_COUNT_PROGRESS_CODES, RETURNED } from '../../spec/index.ts';
import type { CheckSpec } from '../check.ts';
import { judgeOutcome as judge } from '../judge.ts';
import { documentationExample } from './examples.ts';

/** A plain response that meets the documented conditions: Returned with its shipment, a finished job with its ErrorCount, or neither. */
const meetingConditions = fc
  .record({ returned: fc.boolean(), finished: fc.constantFrom(undefined, ...ERROR_COUNT_PROGRESS_CODES) })
  .map(({ returned, finished }) => (p: ValidParts): ValidParts => {
    const output = { ...p.output, ...(finished && { ProgressCode: finished, ErrorCount: p.output.ErrorCount ?? 1 }) };
    if (returned)
      return {
        ...p,
        output: {
          ...output,
          LocationCode: RETURNED,
          Carrier: output.Carrier ?? 'UPS',
          TrackingNumber: output.TrackingNumber ?? '1Z999AA10123456784',
        },
      };
    const { Carrier: _c, TrackingNumber: _t, ...rest } = output;
    return { ...p, output: { ...rest, LocationCode: rest.LocationCode === RETURNED ? 'AtAWS' : rest.LocationCode } };
  });

/** ErrorCount, 0 included, with a ProgressCode that does not promise one (GS-COND-005: the documentation's own example). */
const errorCountWhilePending = fc
  .record({
    progress: fc.constantFrom('Pending', 'Started'),
    count: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
  })
  .map(
    ({ progress, count }) =>
      (p: ValidParts): ValidParts => ({ ...p, output: { ...p.output, ProgressCode: progress, ErrorCount: count } }),
  );

export const CONDITIONAL: CheckSpec[] = [
  {
    id: 'GS-COND-003',
    title: 'Carrier, TrackingNumber and ErrorCount exactly as sent',
    cases: () => validCase({ vary: [], reshape: meetingConditions }),
    judge,
  },
  {
    id: 'GS-COND-006',
    title: 'Carrier/TrackingNumber without Returned are reported, not dropped',
    cases: () => invalidResponse(['GS-COND-001']),
    judge,
  },
  {
    id: 'GS-COND-007',
    title: 'Returned without Carrier/TrackingNumber: none invented',
    cases: () => invalidResponse(['GS-COND-002']),
    judge,
  },
  {
    id: 'GS-COND-008',
    title: 'ErrorCount exactly when sent: 0 and a pending job included, none invented',
    fixed: documentationExample,
    cases: () =>
      fc.oneof(
        invalidResponse(['GS-COND-004']),
        validCase({ vary: ['error-count-zero'], reshape: errorCountWhilePending }),
      ),
    judge,
  },
];
