import { readFileSync } from 'node:fs';
import { validCase } from '../../generators/index.ts';
import { caseFromBody } from '../cases.ts';
import type { Check } from '../check.ts';
import { judgeOutcome as judge } from '../judge.ts';
import { invalidLabelled } from './labelled.ts';

export const SEED_RESPONSE = new URL('../../fixtures/seed/response.xml', import.meta.url);

export const CONDITIONAL: Check[] = [
  { id: 'GS-COND-003', suite: 'conditional', title: 'Carrier, TrackingNumber and ErrorCount exactly as sent', cases: () => validCase().filter((c) => c.expected.outcome === 'output' && (c.expected.output.LocationCode === 'Returned' || c.expected.output.ErrorCount !== undefined)), judge },
  { id: 'GS-COND-001', suite: 'conditional', level: 'MUST', title: 'Carrier/TrackingNumber without Returned are reported, not dropped', cases: invalidLabelled('GS-COND-001'), judge },
  { id: 'GS-COND-002', suite: 'conditional', level: 'MUST', title: 'Returned without Carrier/TrackingNumber: none invented', cases: invalidLabelled('GS-COND-002'), judge },
  { id: 'GS-COND-004', suite: 'conditional', level: 'MUST', title: 'a finished job without ErrorCount: none invented', cases: invalidLabelled('GS-COND-004'), judge },
  {
    id: 'GS-COND-005',
    suite: 'conditional',
    level: 'MUST',
    title: "the documentation's ErrorCount 0 with Pending is kept",
    fixed: () => [caseFromBody('valid', readFileSync(SEED_RESPONSE, 'utf8'))],
    judge,
  },
];
