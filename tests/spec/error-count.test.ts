/**
 * ErrorCount: the number the reference returns, or its failure. Expected values are the botocore
 * clients' column (cli-v1, cli-v2, boto3 agree in every row) of the "ErrorCount as returned" table
 * in real-clients.md; aws-sdk v2's NaN, 1 and null are deviations (GS-PARSE-007 why).
 * Rows marked `// observed:` were run for this file against AWS CLI v1 1.45.11 and v2 2.9.19
 * (`--output json` and `--output text`), which printed the same in both.
 */
import { describe, expect, it } from 'vitest';
import { parseGetStatusResponse, renderJson, renderText, type RuleId } from '../../spec/index.ts';
import { getStatusBody } from './bodies.ts';
import { failureOf } from './failure.ts';

interface ErrorCountRow {
  rule: RuleId;
  case: string;
  wire: string;
  /** The number returned, or 'fails'. */
  expected: number | 'fails';
  deviation?: string;
}

const JS_DEVIATES = 'js-sdk-v2 resolves with';
/** Python's int() reads more than the model's integer: GS-PARSE-007 why (a number the service did not send is garbage). */
const PYTHON_INT_ONLY =
  'the botocore clients print it as a number, because Python int() also reads it; it is not the lexical form of an integer ([+-]?[0-9]+), so the service never sends it (GS-PARSE-007 why)';

const rows: ErrorCountRow[] = [
  { rule: 'GS-PARSE-006', case: 'ec_0', wire: '0', expected: 0 },
  { rule: 'GS-PARSE-007', case: 'ec_abc', wire: 'abc', expected: 'fails', deviation: `${JS_DEVIATES} NaN` },
  { rule: 'GS-PARSE-007', case: 'ec_empty', wire: '', expected: 'fails', deviation: `${JS_DEVIATES} null` },
  { rule: 'GS-PARSE-007', case: 'ec_float', wire: '1.5', expected: 'fails', deviation: `${JS_DEVIATES} 1` },
  { rule: 'GS-PARSE-006', case: 'ec_max_int32', wire: '2147483647', expected: 2147483647 },
  { rule: 'GS-PARSE-006', case: 'ec_negative', wire: '-1', expected: -1 },
  { rule: 'GS-PARSE-006', case: 'ec_overflow_int32', wire: '2147483648', expected: 2147483648 },
  { rule: 'GS-PARSE-006', case: 'ec_spaces', wire: ' 7 ', expected: 7 },
  // observed: aws-cli/1.45.11, aws-cli/2.9.19
  { rule: 'GS-PARSE-006', case: 'added: +3', wire: '+3', expected: 3 },
  { rule: 'GS-PARSE-006', case: 'added: 007', wire: '007', expected: 7 },
  { rule: 'GS-PARSE-006', case: 'added: -0', wire: '-0', expected: 0 },
  { rule: 'GS-PARSE-006', case: 'added: newlines around', wire: '\n5\n', expected: 5 },
  { rule: 'GS-PARSE-006', case: 'added: leading tab', wire: '\t4', expected: 4 },
  // observed: aws-cli/1.45.11, aws-cli/2.9.19 fail: invalid literal for int() with base 10
  { rule: 'GS-PARSE-007', case: 'added: 1e3', wire: '1e3', expected: 'fails' },
  { rule: 'GS-PARSE-007', case: 'added: 0x10', wire: '0x10', expected: 'fails' },
  // observed: aws-cli/1.45.11, aws-cli/2.9.19 print 9007199254740993 (Python ints are unbounded)
  {
    rule: 'GS-PARSE-007', case: 'added: 2^53 + 1', wire: '9007199254740993', expected: 'fails',
    deviation: 'the botocore clients return 9007199254740993; a JS number cannot hold it, and 9007199254740992 is a count the service did not send (GS-PARSE-007 why)',
  },
  // observed: aws-cli/1.45.11, aws-cli/2.9.19 print 1000, 12 and 3
  { rule: 'GS-PARSE-007', case: 'added: 1_000', wire: '1_000', expected: 'fails', deviation: PYTHON_INT_ONLY },
  { rule: 'GS-PARSE-007', case: 'added: full-width digits', wire: '１２', expected: 'fails', deviation: PYTHON_INT_ONLY },
  { rule: 'GS-PARSE-007', case: 'added: Arabic-Indic digit', wire: '٣', expected: 'fails', deviation: PYTHON_INT_ONLY },
];

const bodyOf = (wire: string) =>
  getStatusBody(`    <JobId>EC1</JobId>\n    <ProgressCode>SuccessWithErrors</ProgressCode>\n    ${wire === '' ? '<ErrorCount/>' : `<ErrorCount>${wire}</ErrorCount>`}`);

const accepted = rows.filter((r): r is ErrorCountRow & { expected: number } => r.expected !== 'fails');
const rejected = rows.filter((r) => r.expected === 'fails');

describe('ErrorCount', () => {
  it.each(accepted)('$rule $case: $wire is returned as $expected', ({ wire, expected }) => {
    const output = parseGetStatusResponse(bodyOf(wire));
    // Object.is: -0 would print as 0 but is a different value.
    expect(Object.is(output.ErrorCount, expected)).toBe(true);
    // What both CLIs printed for these bodies.
    expect(renderJson(output, 'v2')).toBe(`{\n    "JobId": "EC1",\n    "ProgressCode": "SuccessWithErrors",\n    "ErrorCount": ${expected}\n}\n`);
    expect(renderText(output, 'v1')).toBe(`${expected}\tEC1\tSuccessWithErrors\n`);
  });

  it.each(rejected)('$rule $case: $wire makes the call fail', ({ wire }) => {
    expect(failureOf(() => parseGetStatusResponse(bodyOf(wire)))).toMatchObject({ kind: 'malformed', rule: 'GS-PARSE-007', status: 200 });
  });
});
