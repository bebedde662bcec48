/** CreationDate written in each accepted wire form, for an instant the reference must read back. */
import fc from 'fast-check';

export type TimestampForm = 'Z' | 'z' | 'offset' | 'fraction' | 'no-zone' | 'date-only' | 'epoch';

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

function wallClock(date: Date, fractionDigits: string): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${fractionDigits && `.${fractionDigits}`}`;
}

const instant = fc.oneof(
  fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59.999Z'), noInvalidDate: true }),
  // Leap days, the turn of the year and whole seconds, where date arithmetic goes wrong.
  fc.constantFrom('2016-02-29T12:00:00Z', '2000-02-29T23:59:59.999Z', '1999-12-31T23:59:59Z', '2100-01-01T00:00:00Z', '1970-01-01T00:00:00Z').map((s) => new Date(s)),
);

/** Milliseconds as digits, followed by `extra` digits that truncate away. */
const fraction = (date: Date, extra: string) => (date.getUTCMilliseconds() === 0 && extra === '' ? '' : `${pad(date.getUTCMilliseconds(), 3)}${extra}`);

export function timestampText(forms: readonly TimestampForm[]): fc.Arbitrary<string> {
  return fc
    .record({
      date: instant,
      form: fc.constantFrom(...forms),
      offsetMinutes: fc.integer({ min: -14 * 4, max: 14 * 4 }).map((q) => q * 15),
      extra: fc.stringMatching(/^[0-9]{0,6}$/),
    })
    .map(({ date, form, offsetMinutes, extra }) => {
      switch (form) {
        case 'Z':
        case 'z':
          return `${wallClock(date, fraction(date, ''))}${form}`;
        case 'fraction':
          return `${wallClock(date, fraction(date, extra) || '0')}Z`;
        case 'offset': {
          const local = new Date(date.getTime() + offsetMinutes * 60_000);
          const sign = offsetMinutes < 0 ? '-' : '+';
          return `${wallClock(local, fraction(local, ''))}${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
        }
        case 'no-zone':
          return wallClock(date, fraction(date, ''));
        case 'date-only':
          return wallClock(date, '').slice(0, 10);
        case 'epoch':
          return String(Math.floor(date.getTime() / 1000));
      }
    });
}
