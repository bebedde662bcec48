/**
 * CreationDate: the instant (a plain `Date`, millisecond precision, 1970–2100) and the ways it is
 * written on the wire. Every form written here reads back as the same instant.
 */
import fc from 'fast-check';
import { httpDateOf, type DimensionId } from '../spec/index.ts';

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(1970, 0, 1);
const LAST = Date.UTC(2100, 11, 31, 23, 59, 59, 999);
const LEAP_YEARS = Array.from({ length: 2100 - 1970 + 1 }, (_, i) => 1970 + i).filter(
  (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0,
);

/** Days where calendar arithmetic goes wrong, at any time of day (often a whole second). */
const awkwardDay = fc
  .record({
    day: fc.constantFrom('leap-day', 'dec-31', 'jan-1'),
    year: fc.integer({ min: 1970, max: 2100 }),
    leapYear: fc.constantFrom(...LEAP_YEARS),
    second: fc.oneof(fc.constantFrom(0, 86_399), fc.integer({ min: 0, max: 86_399 })),
    ms: fc.oneof(fc.constant(0), fc.constant(999), fc.integer({ min: 0, max: 999 })),
  })
  .map(({ day, year, leapYear, second, ms }) => {
    const midnight =
      day === 'leap-day' ? Date.UTC(leapYear, 1, 29) : day === 'dec-31' ? Date.UTC(year, 11, 31) : Date.UTC(year, 0, 1);
    return new Date(midnight + second * 1000 + ms);
  });

export function creationDate(): fc.Arbitrary<Date> {
  return fc.oneof(
    { withCrossShrink: true },
    {
      weight: 2,
      arbitrary: fc.integer({ min: FIRST / 1000, max: Math.floor(LAST / 1000) }).map((s) => new Date(s * 1000)),
    },
    { weight: 3, arbitrary: fc.integer({ min: FIRST, max: LAST }).map((ms) => new Date(ms)) },
    { weight: 2, arbitrary: awkwardDay },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 0, max: Math.floor((LAST - FIRST) / DAY_MS) })
        .map((d) => new Date(FIRST + d * DAY_MS)),
    },
  );
}

/** Each zone form, with the dimension it departs in ('Z' is plain); `creationDateText` writes it. */
export const ZONES = {
  Z: undefined,
  z: 'timestamp-offset',
  offset: 'timestamp-offset',
  none: 'timestamp-no-zone',
  'date-only': 'timestamp-other-form',
  epoch: 'timestamp-other-form',
  'http-date': 'timestamp-other-form',
} as const satisfies Record<string, DimensionId | undefined>;
export type TimestampZone = keyof typeof ZONES;

/** Every value of each listed choice, in the order of the draws: tests/generators/choices.test.ts walks them. */
export const TIMESTAMP_CHOICES = {
  digits: [0, 3, 6, 7] as const,
  zone: Object.keys(ZONES) as TimestampZone[],
};

/** The zones that depart in `dimension`: what the check of its owner draws. */
export const zonesIn = (dimension: DimensionId): TimestampZone[] =>
  TIMESTAMP_CHOICES.zone.filter((zone) => ZONES[zone] === dimension);

export interface TimestampEncoding {
  /** Fractional digits; 0 only applies to whole seconds (3 are written otherwise). */
  digits: (typeof TIMESTAMP_CHOICES.digits)[number];
  /** 'date-only' applies only at midnight UTC, 'epoch' and 'http-date' only to whole seconds; otherwise 'Z' is written. */
  zone: TimestampZone;
  /** With zone 'offset': the local wall time at this offset is written, with `±HH:MM`. */
  offsetMinutes: number;
  /** Digits after the milliseconds with 6 or 7 fractional digits: they truncate away when read. */
  extraDigits: string;
}

// Built once: a regular expression's arbitrary costs more to build than a thousand draws from it.
const EXTRA_DIGITS = fc.stringMatching(/^[0-9]{4}$/);

export function timestampEncoding(): fc.Arbitrary<TimestampEncoding> {
  return fc.record({
    digits: fc.constantFrom(...TIMESTAMP_CHOICES.digits),
    zone: fc.constantFrom(...TIMESTAMP_CHOICES.zone),
    offsetMinutes: fc.oneof(
      fc.constantFrom(60, -420, 330, 345, -570, 840, -720),
      fc.integer({ min: -56, max: 56 }).map((q) => q * 15),
    ),
    extraDigits: EXTRA_DIGITS,
  });
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function wallClock(date: Date): { day: string; time: string; ms: number } {
  return {
    day: `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`,
    time: `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`,
    ms: date.getUTCMilliseconds(),
  };
}

/** The wire text of `date` in the form `encoding` asks for, or the nearest form that keeps the instant. */
export function creationDateText(date: Date, encoding: TimestampEncoding): string {
  const wholeSecond = date.getUTCMilliseconds() === 0;
  if (encoding.zone === 'epoch' && wholeSecond) return String(date.getTime() / 1000);
  if (encoding.zone === 'http-date' && wholeSecond) return httpDateOf(date);
  if (encoding.zone === 'date-only' && date.getTime() % DAY_MS === 0) return wallClock(date).day;
  const zone =
    encoding.zone === 'epoch' || encoding.zone === 'date-only' || encoding.zone === 'http-date' ? 'Z' : encoding.zone;
  const offset = zone === 'offset' ? encoding.offsetMinutes : 0;
  const local = wallClock(new Date(date.getTime() + offset * 60_000));
  const digits = encoding.digits === 0 && !wholeSecond ? 3 : encoding.digits;
  const fraction = digits === 0 ? '' : `.${pad(local.ms, 3)}${encoding.extraDigits.slice(0, digits - 3)}`;
  const suffix =
    zone === 'offset'
      ? `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
      : zone === 'none'
        ? ''
        : zone;
  return `${local.day}T${local.time}${fraction}${suffix}`;
}
