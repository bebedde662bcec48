import { exampleResponse } from '../../spec/index.ts';
import { caseFromBody } from '../cases.ts';
import type { Check } from '../check.ts';
import { judgeOutcome as judge } from '../judge.ts';
import type { TimestampZone } from '../../generators/index.ts';
import { timestampText } from '../timestamp-forms.ts';
import { invalidLabelled } from './labelled.ts';

export const timestampCases = (zones: TimestampZone[], digits?: (0 | 3 | 6 | 7)[]) => () =>
  timestampText(zones, digits).map((wire) => caseFromBody('valid', exampleResponse(`<JobId>TS1</JobId>\n<CreationDate>${wire}</CreationDate>`)));

export const TIMESTAMPS: Check[] = [
  { id: 'GS-TIME-001', suite: 'timestamps', title: 'Z, z and numeric offsets give the same instant', cases: timestampCases(['Z', 'z', 'offset']), judge },
  { id: 'GS-TIME-002', suite: 'timestamps', title: 'fractional seconds kept to the millisecond, truncated', cases: timestampCases(['Z', 'offset'], [3, 6, 7]), judge },
  { id: 'GS-TIME-003', suite: 'timestamps', title: 'a date-time without a zone is UTC', cases: timestampCases(['none'], [0, 3, 6, 7]), judge },
  { id: 'GS-TIME-004', suite: 'timestamps', title: 'a date alone and epoch seconds', cases: timestampCases(['date-only', 'epoch']), judge },
  { id: 'GS-TIME-005', suite: 'timestamps', title: 'an impossible or unparseable CreationDate fails the call', cases: invalidLabelled('GS-TIME-005'), judge },
];
