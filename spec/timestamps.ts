/**
 * CreationDate on the wire and in the two CLI styles.
 *
 * Accepted forms follow what botocore (dateutil) and aws-sdk v2 both accept
 * (real-clients.md item 6): ISO 8601 date-time with any number of fractional
 * digits and `Z`/`z`/numeric offset or no zone, a date alone, epoch seconds, or an
 * HTTP date (IMF-fixdate or asctime; RFC 850's two-digit years are not read). A value without a
 * zone is UTC, never the machine's local zone.
 */

/** A `Date` that remembers the text it was parsed from, so the CLI styles can print it. */
export class Timestamp extends Date {
  readonly #wire: string;
  readonly #isoformat: string;
  constructor(epochMs: number, wire: string, isoformat: string) {
    super(epochMs);
    this.#wire = wire;
    this.#isoformat = isoformat;
  }
  /** The text as received: what AWS CLI v1 prints. */
  get wire(): string {
    return this.#wire;
  }
  /** What botocore's `datetime.isoformat()` prints: what AWS CLI v2 prints. */
  get isoformat(): string {
    return this.#isoformat;
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const EPOCH = /^(\d+)(?:\.(\d+))?$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTHS.join('|')})`;
/**
 * RFC 9110 §5.6.7 IMF-fixdate (`Tue, 29 Apr 2014 18:30:38 GMT`), also with a numeric zone or no
 * weekday (RFC 5322); and C's asctime() (`Tue Apr 29 18:30:38 2014`), which has no zone. A weekday
 * is not checked against the date: botocore (dateutil) and aws-sdk v2 both ignore it.
 */
const HTTP_DATE = new RegExp(
  `^(?:(?:${WEEKDAYS.join('|')}), )?(\\d{1,2}) ${MONTH} (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) (GMT|[+-]\\d{4})$`,
);
const ASCTIME = new RegExp(`^(?:${WEEKDAYS.join('|')}) ${MONTH} ( ?\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

/** Fraction digits → microseconds, truncating beyond six digits as botocore does. */
function micros(fraction: string | undefined): number {
  return fraction ? Number(fraction.slice(0, 6).padEnd(6, '0')) : 0;
}

function isoformatOf(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  us: number,
  offset: string,
): string {
  const frac = us === 0 ? '' : `.${pad(us, 6)}`;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${frac}${offset}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An HTTP date, or undefined when the text is none or names a day or time that does not exist. */
function parseHttpDate(wire: string): Timestamp | undefined {
  const imf = HTTP_DATE.exec(wire);
  const asc = imf ? undefined : ASCTIME.exec(wire);
  if (!imf && !asc) return undefined;
  const [d, month, y, h, mi, s, zone] = imf
    ? [imf[1], imf[2], imf[3], imf[4], imf[5], imf[6], imf[7]]
    : [asc![2], asc![1], asc![6], asc![3], asc![4], asc![5], undefined];
  const parts = {
    y: Number(y),
    mo: MONTHS.indexOf(month) + 1,
    d: Number(d),
    h: Number(h),
    mi: Number(mi),
    s: Number(s),
  };
  if (parts.d < 1 || parts.d > daysInMonth(parts.y, parts.mo) || parts.h > 23 || parts.mi > 59 || parts.s > 59)
    return undefined;
  // GMT is +00:00; asctime has no zone, so like an ISO value without one it is UTC and printed without an offset.
  const offsetMinutes =
    zone === undefined || zone === 'GMT'
      ? 0
      : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3)));
  if (Math.abs(offsetMinutes) >= 24 * 60) return undefined;
  const ms = utcMs(parts.y, parts.mo, parts.d, parts.h, parts.mi, parts.s, 0) - offsetMinutes * 60_000;
  return new Timestamp(
    ms,
    wire,
    isoformatOf(
      parts.y,
      parts.mo,
      parts.d,
      parts.h,
      parts.mi,
      parts.s,
      0,
      zone === undefined ? '' : offsetText(offsetMinutes),
    ),
  );
}

/** How an instant is written as an HTTP date (IMF-fixdate), to the second. */
export function httpDateOf(date: Date): string {
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${WEEKDAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCFullYear(), 4)} ${time} GMT`;
}

/** The forms the service does not send (it sends ISO 8601 date-times): a date alone, epoch seconds, an HTTP date. */
export function isLenientTimestamp(wire: string): boolean {
  return EPOCH.test(wire) || HTTP_DATE.test(wire) || ASCTIME.test(wire) || /^\d{4}-\d{2}-\d{2}$/.test(wire);
}

/** Parse a CreationDate as sent. `undefined` when the value is not a date or names an impossible one. */
export function parseTimestamp(wire: string): Timestamp | undefined {
  if (HTTP_DATE.test(wire) || ASCTIME.test(wire)) return parseHttpDate(wire);
  const epoch = EPOCH.exec(wire);
  if (epoch) {
    const us = micros(epoch[2]);
    const ms = Number(epoch[1]) * 1000 + Math.floor(us / 1000);
    const at = new Date(ms);
    // Python's datetime ends at year 9999: AWS CLI v2 fails on a later epoch value ("Invalid timestamp").
    if (Number.isNaN(at.getTime()) || at.getUTCFullYear() > 9999) return undefined;
    // botocore renders epoch values in the machine's zone; the reference fixes it at UTC.
    const iso = isoformatOf(
      at.getUTCFullYear(),
      at.getUTCMonth() + 1,
      at.getUTCDate(),
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      us,
      '+00:00',
    );
    return new Timestamp(ms, wire, iso);
  }
  const m = ISO.exec(wire);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const us = micros(m[7]);
  let offsetMinutes = 0;
  let offset = '';
  const zone = m[8];
  if (zone === 'Z' || zone === 'z') {
    offset = '+00:00';
  } else if (zone) {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
    offset = offsetText(offsetMinutes);
  }
  const ms = utcMs(y, mo, d, h, mi, s, Math.floor(us / 1000)) - offsetMinutes * 60_000;
  return new Timestamp(ms, wire, isoformatOf(y, mo, d, h, mi, s, us, offset));
}

/** How a CreationDate that was not parsed from the wire is written: ISO 8601 UTC, milliseconds only when non-zero. */
export function wireTextOf(date: Date): string {
  return date instanceof Timestamp ? date.wire : date.toISOString().replace('.000Z', 'Z');
}

/** How AWS CLI v2 prints a CreationDate. */
export function isoformatTextOf(date: Date): string {
  if (date instanceof Timestamp) return date.isoformat;
  return isoformatOf(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds() * 1000,
    '+00:00',
  );
}
