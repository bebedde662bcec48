import fc from 'fast-check';
import { zonesIn } from '../../generators/creation-dates.ts';
import {
  creationDate,
  invalidResponse,
  validCase,
  type TimestampZone,
  type ValidParts,
} from '../../generators/index.ts';
import type { CheckSpec } from '../check.ts';
import { judgeOutcome as judge } from '../judge.ts';

const DAY_MS = 86_400_000;

/** Whole days for date-only and whole seconds for epoch and HTTP dates, so the form asked for is the form written. */
function fitting(date: Date, zone: TimestampZone): Date {
  if (zone === 'date-only') return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
  if (zone === 'epoch' || zone === 'http-date') return new Date(Math.floor(date.getTime() / 1000) * 1000);
  return date;
}

/** CreationDate written in one of `zones` with one of `digits`, in an otherwise plain response. */
export const timestampCases =
  (zones: readonly TimestampZone[], digits: readonly (0 | 3 | 6 | 7)[] = [0, 3]) =>
  () =>
    validCase({
      vary: [],
      reshape: fc.tuple(creationDate(), fc.constantFrom(...zones), fc.constantFrom(...digits)).map(
        ([date, zone, d]) =>
          (p: ValidParts): ValidParts => ({
            ...p,
            output: { ...p.output, CreationDate: fitting(date, zone) },
            encoding: { ...p.encoding, timestamp: { ...p.encoding.timestamp, zone, digits: d } },
          }),
      ),
    });

export const TIMESTAMPS: CheckSpec[] = [
  {
    id: 'GS-TIME-001',
    title: 'Z, z and numeric offsets give the same instant',
    cases: timestampCases(['Z', ...zonesIn('timestamp-offset')]),
    judge,
  },
  {
    id: 'GS-TIME-002',
    title: 'fractional seconds kept to the millisecond, truncated',
    cases: timestampCases(['Z'], [3, 6, 7]),
    judge,
  },
  {
    id: 'GS-TIME-003',
    title: 'a date-time without a zone is UTC',
    cases: timestampCases(zonesIn('timestamp-no-zone')),
    judge,
  },
  {
    id: 'GS-TIME-004',
    title: 'a date alone, epoch seconds and HTTP dates: that instant, or the call fails',
    cases: timestampCases(zonesIn('timestamp-other-form')),
    judge,
  },
  {
    id: 'GS-TIME-005',
    title: 'an impossible or unparseable CreationDate fails the call, or is the text received',
    cases: () => invalidResponse(['GS-TIME-005']),
    judge,
  },
];
