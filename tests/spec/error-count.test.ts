/**
 * ErrorCount: the number the reference returns, or its failure. Expected values are the botocore
 * clients' column (cli-v1, cli-v2, boto3 agree in every row) of the "ErrorCount as returned" table
 * in real-clients.md, where the service would send it; for the rest, failing and the exact number are
 * both harmless (GS-PARSE-006, -007): aws-sdk v2's NaN and 1 are deviations, its null for an empty element is not.
 * Rows marked `// observed:` were run for this file against AWS CLI v1 1.45.11 and v2 2.9.19
 * (`--output json` and `--output text`), which printed the same in both.
 */
import { describe, expect, it } from 'vitest';
import { parseGetStatusResponse, readResponse, renderJson, renderText, type RuleId } from '../../spec/index.ts';
import { getStatusBody } from './bodies.ts';
import { failureOf } from './failure.ts';

interface ErrorCountRow {
  rule: RuleId;
  case: string;
  wire: string;
  /** The number returned, or 'fails'. */
  expected: number | 'fails';
  /** For a spelling the service never sends: failing is as right as the number (GS-PARSE-006). */
  orFail?: true;
  /** For a failure: the ErrorCount values a client may return instead (GS-PARSE-006, -007). */
  tolerated?: (number | bigint | null)[];
}

const rows: ErrorCountRow[] = [
  { rule: 'GS-PARSE-006', case: 'ec_0', wire: '0', expected: 0 },
  // js-sdk-v2 resolves with NaN, null and 1: only null for the empty element is harmless (GS-PARSE-007 why).
  { rule: 'GS-PARSE-007', case: 'ec_abc', wire: 'abc', expected: 'fails', tolerated: [] },
  { rule: 'GS-PARSE-007', case: 'ec_empty', wire: '', expected: 'fails', tolerated: [null] },
  { rule: 'GS-PARSE-007', case: 'ec_float', wire: '1.5', expected: 'fails', tolerated: [1.5] },
  { rule: 'GS-PARSE-006', case: 'ec_max_int32', wire: '2147483647', expected: 2147483647 },
  { rule: 'GS-PARSE-006', case: 'ec_negative', wire: '-1', expected: -1, orFail: true },
  { rule: 'GS-PARSE-006', case: 'ec_overflow_int32', wire: '2147483648', expected: 2147483648, orFail: true },
  { rule: 'GS-PARSE-006', case: 'ec_spaces', wire: ' 7 ', expected: 7, orFail: true },
  // observed: aws-cli/1.45.11, aws-cli/2.9.19
  { rule: 'GS-PARSE-006', case: 'added: +3', wire: '+3', expected: 3, orFail: true },
  { rule: 'GS-PARSE-006', case: 'added: 007', wire: '007', expected: 7, orFail: true },
  { rule: 'GS-PARSE-006', case: 'added: -0', wire: '-0', expected: 0, orFail: true },
  { rule: 'GS-PARSE-006', case: 'added: newlines around', wire: '\n5\n', expected: 5, orFail: true },
  { rule: 'GS-PARSE-006', case: 'added: leading tab', wire: '\t4', expected: 4, orFail: true },
  // observed: aws-cli/1.45.11, aws-cli/2.9.19 fail: invalid literal for int() with base 10
  { rule: 'GS-PARSE-007', case: 'added: 1e3', wire: '1e3', expected: 'fails', tolerated: [1000] },
  { rule: 'GS-PARSE-007', case: 'added: 0x10', wire: '0x10', expected: 'fails', tolerated: [] },
  // observed: aws-cli/1.45.11, aws-cli/2.9.19 print 9007199254740993 (Python ints are unbounded); a JS number cannot hold it
  {
    rule: 'GS-PARSE-006',
    case: 'added: 2^53 + 1',
    wire: '9007199254740993',
    expected: 'fails',
    tolerated: [9007199254740993n],
  },
  // observed: aws-cli/1.45.11, aws-cli/2.9.19 print 1000, 12 and 3 (Python's int()): the numbers these spell
  { rule: 'GS-PARSE-007', case: 'added: 1_000', wire: '1_000', expected: 'fails', tolerated: [1000] },
  { rule: 'GS-PARSE-007', case: 'added: full-width digits', wire: '１２', expected: 'fails', tolerated: [12] },
  { rule: 'GS-PARSE-007', case: 'added: Arabic-Indic digit', wire: '٣', expected: 'fails', tolerated: [3] },
];

const bodyOf = (wire: string) =>
  getStatusBody(
    `    <JobId>EC1</JobId>\n    <ProgressCode>SuccessWithErrors</ProgressCode>\n    ${wire === '' ? '<ErrorCount/>' : `<ErrorCount>${wire}</ErrorCount>`}`,
  );

const accepted = rows.filter((r): r is ErrorCountRow & { expected: number } => r.expected !== 'fails');
const rejected = rows.filter((r) => r.expected === 'fails');

describe('ErrorCount', () => {
  it.each(accepted)('$rule $case: $wire is returned as $expected', ({ wire, expected, orFail }) => {
    const { output, orFail: rule } = readResponse(bodyOf(wire));
    // Object.is: -0 would print as 0 but is a different value.
    expect(Object.is(output.ErrorCount, expected)).toBe(true);
    expect(rule).toBe(orFail ? 'GS-PARSE-006' : undefined);
    // What both CLIs printed for these bodies.
    expect(renderJson(output, 'v2')).toBe(
      `{\n    "JobId": "EC1",\n    "ProgressCode": "SuccessWithErrors",\n    "ErrorCount": ${expected}\n}\n`,
    );
    expect(renderText(output, 'v1')).toBe(`${expected}\tEC1\tSuccessWithErrors\n`);
  });

  it.each(rejected)(
    '$rule $case: $wire makes the call fail, or returns one of $tolerated',
    ({ rule, wire, tolerated }) => {
      const error = failureOf(() => parseGetStatusResponse(bodyOf(wire)));
      expect(error).toMatchObject({ kind: 'malformed', rule, status: 200 });
      expect(error.tolerated.map((o) => o.ErrorCount)).toEqual(tolerated);
    },
  );
});
