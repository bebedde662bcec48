/**
 * Invalid responses whose XML is fine but a value or a condition is off: out-of-range and
 * non-integer ErrorCount, impossible CreationDate, conditional members, unknown JobType,
 * and a content type that is not XML.
 */
import fc from 'fast-check';
import { ERROR_COUNT_PROGRESS_CODES, RETURNED, type GetStatusOutput } from '../spec/index.ts';
import type { ResponseCase } from './case.ts';
import { invalidCase, withText } from './invalid-case.ts';
import { shipment, unknownToken } from './realistic-values.ts';
import { fakerArbitrary } from './seeded-faker.ts';
import { memberNodes, serialize, writeDocument } from './serialize.ts';
import { validParts, type ValidParts } from './valid-cases.ts';

const without = (output: GetStatusOutput, ...names: (keyof GetStatusOutput)[]) => {
  const copy = { ...output };
  for (const name of names) delete copy[name];
  return copy;
};

/** The output with ErrorCount written as `wire`. */
const errorCountBody = (parts: ValidParts, wire: string) =>
  writeDocument(withText(memberNodes(without(parts.output, 'ErrorCount'), parts.encoding), 'ErrorCount', wire), parts.encoding);

/** GS-PARSE-006: integers a client must read although the service should not send them. */
function errorCountOutOfRange(): fc.Arbitrary<ResponseCase> {
  const wire = fc.oneof(
    fc.constantFrom(' 7 ', '-1', '2147483648', '+3', '007', '-0', '\n12\n', '\t0'),
    fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }).map(String),
    fc.integer({ min: -(2 ** 31), max: -1 }).map(String),
    fc.tuple(fc.constantFrom(' ', '  ', '\n', '\t'), fc.nat({ max: 100 }), fc.constantFrom('', ' ', '\n')).map(([a, n, b]) => `${a}${n}${b}`),
  );
  return fc.tuple(validParts(), wire).map(([parts, text]) => invalidCase('GS-PARSE-006', parts, errorCountBody(parts, text)));
}

/** GS-PARSE-007: an ErrorCount that is no integer. */
function errorCountNotInteger(): fc.Arbitrary<ResponseCase> {
  const wire = fc.constantFrom('abc', '1.5', '', '1e3', '0x10', '١٢', '1_000', '9007199254740993', 'NaN', '12abc', ' ', '7.0', 'twelve');
  return fc.tuple(validParts(), wire).map(([parts, text]) => invalidCase('GS-PARSE-007', parts, errorCountBody(parts, text)));
}

/** GS-TIME-005: CreationDate values every real client rejects, except AWS CLI v1 which never parses them. */
function impossibleCreationDate(): fc.Arbitrary<ResponseCase> {
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })).map(([h, m, s]) => `T${pad(h)}:${pad(m)}:${pad(s)}Z`);
  const year = fc.integer({ min: 1970, max: 2100 });
  const wire = fc.oneof(
    fc.constantFrom('not-a-date', ''),
    fc.tuple(year, fc.integer({ min: 1, max: 28 }), time).map(([y, d, t]) => `${y}-13-${pad(d)}${t}`),
    fc.tuple(year, time).map(([y, t]) => `${y}-02-30${t}`),
  );
  return fc.tuple(validParts(), wire).map(([parts, text]) =>
    invalidCase('GS-TIME-005', parts, writeDocument(withText(memberNodes(without(parts.output, 'CreationDate'), parts.encoding), 'CreationDate', text), parts.encoding)),
  );
}

/** A case whose body is the reshaped output, written in the parts' encoding. */
const reshaped = (label: Parameters<typeof invalidCase>[0], parts: ValidParts, output: GetStatusOutput) => invalidCase(label, parts, serialize(output, parts.encoding));

const notReturned = fc.oneof(fc.constantFrom('AtAWS', 'NotReceived', undefined), fakerArbitrary(unknownToken));

/** GS-COND-001: Carrier and/or TrackingNumber with a LocationCode other than Returned. */
function shippingWithoutReturned(): fc.Arbitrary<ResponseCase> {
  return fc
    .tuple(validParts(), notReturned, fakerArbitrary(shipment), fc.constantFrom('both', 'Carrier', 'TrackingNumber'))
    .map(([parts, location, ship, which]) => {
      const output: GetStatusOutput = { ...without(parts.output, 'LocationCode', 'Carrier', 'TrackingNumber'), ...(location !== undefined && { LocationCode: location }) };
      if (which !== 'TrackingNumber') output.Carrier = ship.Carrier;
      if (which !== 'Carrier') output.TrackingNumber = ship.TrackingNumber;
      return reshaped('GS-COND-001', parts, output);
    });
}

/** GS-COND-002: Returned without Carrier, TrackingNumber or both. */
function returnedWithoutShipping(): fc.Arbitrary<ResponseCase> {
  return fc.tuple(validParts(), fakerArbitrary(shipment), fc.constantFrom('neither', 'Carrier', 'TrackingNumber')).map(([parts, ship, kept]) => {
    const output: GetStatusOutput = { ...without(parts.output, 'Carrier', 'TrackingNumber'), LocationCode: RETURNED };
    if (kept === 'Carrier') output.Carrier = ship.Carrier;
    if (kept === 'TrackingNumber') output.TrackingNumber = ship.TrackingNumber;
    return reshaped('GS-COND-002', parts, output);
  });
}

/** GS-COND-004: a finished job without ErrorCount. */
function finishedWithoutErrorCount(): fc.Arbitrary<ResponseCase> {
  return fc
    .tuple(validParts(), fc.constantFrom(...ERROR_COUNT_PROGRESS_CODES))
    .map(([parts, progress]) => reshaped('GS-COND-004', parts, { ...without(parts.output, 'ErrorCount'), ProgressCode: progress }));
}

/** GS-PARSE-010: a JobType outside the model's enum. */
function unknownJobType(): fc.Arbitrary<ResponseCase> {
  const jobType = fc.oneof(fc.constantFrom('Transfer', 'import', 'EXPORT', '', ' Import', 'Export '), fakerArbitrary(unknownToken));
  return fc.tuple(validParts(), jobType).map(([parts, type]) => reshaped('GS-PARSE-010', parts, { ...parts.output, JobType: type }));
}

/** GS-PARSE-019: a valid body under a content type that is not XML. */
function wrongContentType(): fc.Arbitrary<ResponseCase> {
  const type = fc.constantFrom('text/html', 'application/json', 'text/plain; charset=utf-8', 'application/octet-stream', 'application/xhtml+xml', 'application/x-amz-json-1.1');
  return fc
    .tuple(validParts(), type)
    .map(([parts, contentType]) => invalidCase('GS-PARSE-019', parts, serialize(parts.output, parts.encoding), { headers: { 'Content-Type': contentType } }));
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
