/** CreationDate written in chosen wire forms, for an instant the reference must read back. */
import fc from 'fast-check';
import { creationDate, creationDateText, timestampEncoding, type TimestampZone } from '../generators/index.ts';

const DAY_MS = 86_400_000;

/** Whole days for date-only and whole seconds for epoch, so the form asked for is the form written. */
function fitting(date: Date, zone: TimestampZone): Date {
  if (zone === 'date-only') return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
  if (zone === 'epoch') return new Date(Math.floor(date.getTime() / 1000) * 1000);
  return date;
}

export function timestampText(zones: readonly TimestampZone[], digits?: readonly (0 | 3 | 6 | 7)[]): fc.Arbitrary<string> {
  return fc
    .tuple(creationDate(), timestampEncoding(), fc.constantFrom(...zones), fc.constantFrom(...(digits ?? [0, 3] as const)))
    .map(([date, encoding, zone, d]) => creationDateText(fitting(date, zone), { ...encoding, zone, digits: d }));
}
