/** The judge compares values, not spellings of them, and says what differs when two values look alike. */
import { describe, expect, test } from 'vitest';
import { caseFromBody } from '../../suites/cases.ts';
import { judgeOutcome, needsText } from '../../suites/judge.ts';
import type { GetStatusOutput } from '../../spec/index.ts';
import type { ClientAdapter } from '../../harness/index.ts';

const adapter = { name: 'stand-in', transport: 'intercept' } as ClientAdapter;
const response = (members: string) =>
  caseFromBody('valid', `<GetStatusResponse><GetStatusResult>${members}</GetStatusResult></GetStatusResponse>`);
const judged = (members: string, output: unknown) =>
  judgeOutcome(
    response(members),
    { outcome: { status: 'resolved', output: output as GetStatusOutput }, requests: [] },
    adapter,
  );

describe('judgeOutcome', () => {
  test('numbers compare by value: -0 for <ErrorCount>-0</ErrorCount> is 0', () => {
    expect(judged('<ErrorCount>-0</ErrorCount>', { ErrorCount: -0 })).toEqual({ ok: true });
    expect(judged('<ErrorCount>0</ErrorCount>', { ErrorCount: -0 })).toEqual({ ok: true });
  });

  test.each([
    [
      'a trailing space',
      '<JobId>ABC</JobId>',
      { JobId: 'ABC ' },
      /JobId: expected "ABC", got "ABC "; they differ in trailing whitespace/,
    ],
    [
      'a no-break space for a space',
      '<LocationMessage>a b</LocationMessage>',
      { LocationMessage: 'a\u00A0b' },
      /got "a\\u\{00A0\}b"; first difference at character 2: expected " " \(U\+0020\), got "\\u\{00A0\}" \(U\+00A0\)/,
    ],
    [
      'a zero-width space',
      '<JobId>AB</JobId>',
      { JobId: 'A\u200BB' },
      /got "A\\u\{200B\}B"; first difference at character 2/,
    ],
    [
      'decomposed characters',
      '<LocationMessage>Zürich</LocationMessage>',
      { LocationMessage: 'Zu\u0308rich' },
      /differ only in Unicode normalisation/,
    ],
    [
      'a string for a number',
      '<ErrorCount>7</ErrorCount>',
      { ErrorCount: '7' },
      /ErrorCount: expected number 7, got string "7"/,
    ],
  ])('two values that look alike: %s', (_, members, output, message) => {
    const verdict = judged(members, output);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(message);
  });

  test('a huge wrong value is shown cut, with its length and a short hash, in the message and in expected/actual', () => {
    const huge = 'J'.repeat(50_000);
    const verdict = judged('<JobId>EX1ID</JobId>', { JobId: huge });
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.reason.length).toBeLessThan(600);
    expect(verdict.reason).toMatch(/got "J+"…"J+" \[50000 characters, sha256 [0-9a-f]{12}\]/);
    expect(JSON.stringify(verdict.actual).length).toBeLessThan(600);
    expect(JSON.stringify(verdict.actual)).toContain('[50000 characters, sha256 ');
  });

  test('a rejection whose message is not a string (aws-sdk v2 gives null for some) is judged, not a crash of the judge', () => {
    const c = caseFromBody('error', '<html>Bad Gateway</html>', {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
    });
    const rejected = {
      outcome: { status: 'rejected' as const, error: { code: '502', message: null as unknown as string } },
      requests: [],
    };
    expect(judgeOutcome(c, rejected, adapter)).toEqual({ ok: true });
    expect(judgeOutcome(response('<JobId>A</JobId>'), rejected, adapter)).toMatchObject({
      ok: false,
      problem: 'rejected',
    });
  });

  test.each([
    {
      name: 'what the adapter cannot represent, where the call must succeed: a shape failure with the reason',
      c: () => response('<JobId>A</JobId>'),
      outcome: { status: 'unrepresentable' as const, reason: 'a value of type Symbol' },
      verdict: {
        ok: false,
        problem: 'shape',
        reason: 'its adapter cannot represent what the client returned: a value of type Symbol',
      },
    },
    {
      name: 'what the adapter cannot represent, where the call must fail: the client returned, never a crash',
      c: () =>
        caseFromBody('error', '<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      outcome: { status: 'unrepresentable' as const, reason: 'NaN' },
      verdict: {
        ok: false,
        reason: 'the client returned where it must fail (its adapter cannot represent what the client returned: NaN)',
      },
    },
    {
      name: 'a string output where the call must fail: resolved with a string, never a crash',
      c: () =>
        caseFromBody('error', '<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      outcome: { status: 'resolved' as const, output: 'Bad Gateway' },
      verdict: { ok: false, reason: 'the client resolved with a string where it must fail (HTTP 502)' },
    },
    {
      name: 'an array output where the call must succeed: no output, a shape difference',
      c: () => response('<JobId>A</JobId>'),
      outcome: { status: 'resolved' as const, output: ['A'] },
      verdict: { ok: false, problem: 'shape', reason: 'output: expected an object, got array' },
    },
    {
      name: 'a crash where the call must succeed says crashed once, not "broke: crashed"',
      c: () => response('<JobId>A</JobId>'),
      outcome: {
        status: 'crashed' as const,
        reason: "the client crashed: KeyError: 'GetStatusResult'",
        raised: "KeyError: 'GetStatusResult'",
      },
      verdict: { ok: false, reason: "the client crashed: KeyError: 'GetStatusResult'" },
    },
  ])('$name', ({ c, outcome, verdict }) => {
    const judgedVerdict = judgeOutcome(c(), { outcome, requests: [] }, adapter);
    expect(judgedVerdict).toMatchObject(verdict);
    expect(judgedVerdict).not.toHaveProperty('problem', 'crashed');
  });

  test('a failure lists every difference, the first in its own fields', () => {
    const verdict = judged('<JobId>A</JobId><JobType>Import</JobType><TrackingNumber>T</TrackingNumber>', {
      JobId: 'B',
      Carrier: 'UPS',
    });
    expect(verdict).toMatchObject({
      ok: false,
      member: 'JobId',
      problem: 'value',
      reason: 'JobId: expected "A", got "B"; first difference at character 1: expected "A" (U+0041), got "B" (U+0042)',
    });
    expect(verdict.ok ? [] : verdict.differences?.map((d) => [d.member, d.problem])).toEqual([
      ['JobId', 'value'],
      ['JobType', 'dropped'],
      ['Carrier', 'unexpected'],
      ['TrackingNumber', 'dropped'],
    ]);
  });

  test('a CreationDate right but for its fractional seconds is told apart (GS-TIME-002, not GS-TIME-001)', () => {
    const body = '<CreationDate>2015-05-27T18:58:21.123Z</CreationDate>';
    expect(judged(body, { CreationDate: new Date('2015-05-27T18:58:21Z') })).toMatchObject({
      ok: false,
      member: 'CreationDate',
      problem: 'value',
      kind: 'fraction',
    });
    expect(judged(body, { CreationDate: new Date('2015-05-27T20:58:21.123Z') })).not.toHaveProperty('kind');
  });

  test('the failure names the member and how it differs, for attribution', () => {
    expect(judged('<JobId>A</JobId>', {})).toMatchObject({ ok: false, member: 'JobId', problem: 'dropped' });
    expect(judged('<JobId>A</JobId>', { JobId: 'A', Carrier: '' })).toMatchObject({
      ok: false,
      member: 'Carrier',
      problem: 'unexpected',
    });
    expect(judged('<JobId>A</JobId>', { JobId: 'B' })).toMatchObject({ ok: false, member: 'JobId', problem: 'value' });
  });
});

describe('where in the response a failure is', () => {
  test('a nested artifact member, a top-level member and an error code each carry the path of their element', () => {
    const list =
      '<ArtifactList><member><Description>a</Description><URL>u</URL></member><member><Description>b</Description><URL>v</URL></member></ArtifactList>';
    expect(
      judged(list, {
        ArtifactList: [
          { Description: 'a', URL: 'u' },
          { Description: 'c', URL: 'v' },
        ],
      }),
    ).toMatchObject({ ok: false, member: 'ArtifactList', at: ['ArtifactList', 1, 'Description'] });
    const verdict = judged('<JobId>A</JobId><Carrier>UPS</Carrier>', { JobId: 'A' });
    expect(verdict).toMatchObject({ ok: false, at: ['Carrier'] });
    expect(verdict.ok ? [] : verdict.differences?.map((d) => d.at)).toEqual([['Carrier']]);
    const error = caseFromBody(
      'error',
      '<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchJob</Code><Message>No job</Message></Error><RequestId>r</RequestId></ErrorResponse>',
      { status: 400 },
    );
    const rejected = (code: string, message: string) =>
      judgeOutcome(error, { outcome: { status: 'rejected', error: { code, message } }, requests: [] }, adapter);
    expect(rejected('Other', 'No job')).toMatchObject({ ok: false, at: ['Code'] });
    expect(rejected('NoSuchJob', 'Other')).toMatchObject({ ok: false, at: ['Message'] });
    expect(rejected('NoSuchJob', 'No job')).toEqual({ ok: true });
  });

  test('a failure about the whole call is at no element', () => {
    expect(
      judgeOutcome(
        response('<JobId>A</JobId>'),
        { outcome: { status: 'timeout', reason: 'no answer in 1 s' }, requests: [] },
        adapter,
      ),
    ).not.toHaveProperty('at');
  });
});

describe('needsText', () => {
  test('a client without --output text is skipped with how its adapter says to get it, whatever the adapter is named', () => {
    const told = { ...adapter, name: 'my-cli', howTo: { text: 'give --text-command to check it' } };
    expect(needsText(told)).toBe('the client prints no --output text: give --text-command to check it');
    expect(needsText(adapter)).toBe('the adapter prints no --output text (it declares no textStyle)');
    expect(needsText({ ...told, textStyle: 'v2' })).toBeUndefined();
  });
});
