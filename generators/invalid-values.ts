/**
 * Invalid responses whose XML is fine but a value or a condition is off: out-of-range and
 * non-integer ErrorCount, impossible CreationDate, conditional members, unknown JobType,
 * and a content type that is not XML.
 */
import fc from 'fast-check';
import { ERROR_COUNT_PROGRESS_CODES, RETURNED, type GetStatusOutput } from '../spec/index.ts';
import type { ResponseCase } from './case.ts';
import { breaking, invalidCase, withText } from './invalid-case.ts';
import { shipment, unknownToken } from './realistic-values.ts';
import { fakerArbitrary } from './seeded-faker.ts';
import { memberNodes, serialize, writeDocument } from './serialize.ts';
import type { ValidParts } from './valid-cases.ts';

const without = (output: GetStatusOutput, ...names: (keyof GetStatusOutput)[]) => {
  const copy = { ...output };
  for (const name of names) delete copy[name];
  return copy;
};

/** The output with `member` written as `wire`, where the output has it (model order when it has not). */
const bodyWith = (parts: ValidParts, member: 'ErrorCount' | 'CreationDate', wire: string) => {
  const placeholder = { ...parts.output, [member]: member === 'ErrorCount' ? 0 : new Date(0) };
  return writeDocument(withText(memberNodes(placeholder, parts.encoding), member, wire), parts.encoding);
};
const errorCountBody = (parts: ValidParts, wire: string) => bodyWith(parts, 'ErrorCount', wire);

/** Spellings of the output's own ErrorCount the service does not use (so ErrorCount 0 stays a dimension of its own). */
const SPELLINGS: Array<(n: number) => string> = [
  (n) => ` ${n} `,
  (n) => `+${n}`,
  (n) => `00${n}`,
  (n) => `\n${n}\n`,
  (n) => `\t${n}`,
  (n) => (n === 0 ? '-0' : `+${n}`),
];

/** GS-PARSE-006: integers a client must read although the service should not send them. */
function errorCountOutOfRange(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  const wire = fc.oneof(
    fc.constantFrom(...SPELLINGS),
    fc.constantFrom('-1', '2147483648').map((text) => () => text),
    fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }).map((n) => () => String(n)),
    // Beyond 2^53 a double cannot hold every integer: a client returns it exactly or fails.
    fc.bigInt({ min: 2n ** 53n + 1n, max: 2n ** 64n }).map((n) => () => String(n)),
    fc.integer({ min: -(2 ** 31), max: -1 }).map((n) => () => String(n)),
  );
  return breaking(from, fc.tuple(wire), ([parts, spell]) =>
    invalidCase('GS-PARSE-006', parts, errorCountBody(parts, spell(parts.output.ErrorCount ?? 7))),
  );
}

/** GS-PARSE-007: an ErrorCount that is no integer. */
function errorCountNotInteger(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  const wire = fc.constantFrom('abc', '1.5', '', '1e3', '0x10', '١٢', '1_000', 'NaN', '12abc', ' ', '7.0', 'twelve');
  return breaking(from, fc.tuple(wire), ([parts, text]) =>
    invalidCase('GS-PARSE-007', parts, errorCountBody(parts, text)),
  );
}

/** GS-TIME-005: CreationDate values every real client rejects, except AWS CLI v1 which never parses them. */
function impossibleCreationDate(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m, s]) => `T${pad(h)}:${pad(m)}:${pad(s)}Z`);
  const year = fc.integer({ min: 1970, max: 2100 });
  const wire = fc.oneof(
    fc.constantFrom('not-a-date', ''),
    fc.tuple(year, fc.integer({ min: 1, max: 28 }), time).map(([y, d, t]) => `${y}-13-${pad(d)}${t}`),
    fc.tuple(year, time).map(([y, t]) => `${y}-02-30${t}`),
  );
  return breaking(from, fc.tuple(wire), ([parts, text]) =>
    invalidCase('GS-TIME-005', parts, bodyWith(parts, 'CreationDate', text)),
  );
}

/** A case whose body is the reshaped output, written in the parts' encoding. */
const reshaped = (label: Parameters<typeof invalidCase>[0], parts: ValidParts, output: GetStatusOutput) =>
  invalidCase(label, parts, serialize(output, parts.encoding));

const notReturned = fc.oneof(fc.constantFrom('AtAWS', 'NotReceived', undefined), fakerArbitrary(unknownToken));

/** GS-COND-001: Carrier and/or TrackingNumber with a LocationCode other than Returned. */
function shippingWithoutReturned(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  return breaking(
    from,
    fc.tuple(notReturned, fakerArbitrary(shipment), fc.constantFrom('both', 'Carrier', 'TrackingNumber')),
    ([parts, location, ship, which]) => {
      const output: GetStatusOutput = {
        ...without(parts.output, 'LocationCode', 'Carrier', 'TrackingNumber'),
        ...(location !== undefined && { LocationCode: location }),
      };
      if (which !== 'TrackingNumber') output.Carrier = ship.Carrier;
      if (which !== 'Carrier') output.TrackingNumber = ship.TrackingNumber;
      return reshaped('GS-COND-001', parts, output);
    },
  );
}

/** GS-COND-002: Returned without Carrier, TrackingNumber or both. */
function returnedWithoutShipping(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  return breaking(
    from,
    fc.tuple(fakerArbitrary(shipment), fc.constantFrom('neither', 'Carrier', 'TrackingNumber')),
    ([parts, ship, kept]) => {
      const output: GetStatusOutput = { ...without(parts.output, 'Carrier', 'TrackingNumber'), LocationCode: RETURNED };
      if (kept === 'Carrier') output.Carrier = ship.Carrier;
      if (kept === 'TrackingNumber') output.TrackingNumber = ship.TrackingNumber;
      return reshaped('GS-COND-002', parts, output);
    },
  );
}

/** GS-COND-004: a finished job without ErrorCount. */
function finishedWithoutErrorCount(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  return breaking(from, fc.tuple(fc.constantFrom(...ERROR_COUNT_PROGRESS_CODES)), ([parts, progress]) =>
    reshaped('GS-COND-004', parts, { ...without(parts.output, 'ErrorCount'), ProgressCode: progress }),
  );
}

/** GS-PARSE-010: a JobType outside the model's enum. */
function unknownJobType(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  // Tokens only: whitespace and the empty string are GS-PARSE-003's and GS-PARSE-005's subjects.
  const jobType = fc.oneof(fc.constantFrom('Transfer', 'import', 'EXPORT'), fakerArbitrary(unknownToken));
  return breaking(from, fc.tuple(jobType), ([parts, type]) =>
    reshaped('GS-PARSE-010', parts, { ...parts.output, JobType: type }),
  );
}

/** GS-PARSE-019: a valid body under a content type that is not XML. */
function wrongContentType(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  const type = fc.constantFrom(
    'text/html',
    'application/json',
    'text/plain; charset=utf-8',
    'application/octet-stream',
    'application/xhtml+xml',
    'application/x-amz-json-1.1',
  );
  return breaking(from, fc.tuple(type), ([parts, contentType]) =>
    invalidCase('GS-PARSE-019', parts, serialize(parts.output, parts.encoding), {
      headers: { 'Content-Type': contentType },
    }),
  );
}

export const VALUE_CASES = {
  'GS-PARSE-006': errorCountOutOfRange,
  'GS-PARSE-007': errorCountNotInteger,
  'GS-TIME-005': impossibleCreationDate,
  'GS-COND-001': shippingWithoutReturned,
  'GS-COND-002': returnedWithoutShipping,
  'GS-COND-004': finishedWithoutErrorCount,
  'GS-PARSE-010': unknownJobType,
  'GS-PARSE-019': wrongContentType,
} as const;
