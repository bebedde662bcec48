/** GS-TEXT-005's judge: the client's `--output json` bytes against the layout its jsonStyle names. */
import { describe, expect, test } from 'vitest';
import { caseFromBody } from '../../suites/cases.ts';
import { judgeJson, needsJson } from '../../suites/judge-json.ts';
import { parseGetStatusResponse } from '../../spec/index.ts';
import type { ClientAdapter } from '../../harness/index.ts';

const BODY = `<GetStatusResponse><GetStatusResult>
<LocationMessage>Zürich ✓</LocationMessage><JobId>J1</JobId><CreationDate>2015-05-27T18:58:21.5Z</CreationDate>
</GetStatusResult></GetStatusResponse>`;
const response = caseFromBody('valid', BODY);
const output = parseGetStatusResponse(new TextEncoder().encode(BODY), 200);
const client = (jsonStyle?: 'v1' | 'v2') =>
  ({ name: 'stand-in', transport: 'intercept', ...(jsonStyle && { jsonStyle }) }) as ClientAdapter;
const judged = (json: string | undefined, jsonStyle: 'v1' | 'v2' = 'v2') =>
  judgeJson(
    response,
    { outcome: { status: 'resolved', output, ...(json !== undefined && { json }) }, requests: [] },
    client(jsonStyle),
  );

/** What AWS CLI v2 prints for BODY: model order, 4-space indent, non-ASCII raw, isoformat, a final newline. */
const V2 =
  '{\n    "JobId": "J1",\n    "LocationMessage": "Zürich ✓",\n    "CreationDate": "2015-05-27T18:58:21.500000+00:00"\n}\n';

describe('judgeJson', () => {
  test('the layout of the declared style passes: v2 isoformat, v1 the timestamp as received', () => {
    expect(judged(V2)).toEqual({ ok: true });
    expect(judged(V2.replace('2015-05-27T18:58:21.500000+00:00', '2015-05-27T18:58:21.5Z'), 'v1')).toEqual({
      ok: true,
    });
  });

  test.each([
    ['non-ASCII escaped', V2.replace('Zürich ✓', 'Z\\u00fcrich \\u2713'), 3],
    ['a 2-space indent', V2.replace(/^ {4}/gm, '  '), 2],
    [
      'members in wire order',
      '{\n    "LocationMessage": "Zürich ✓",\n    "JobId": "J1",\n    "CreationDate": "2015-05-27T18:58:21.500000+00:00"\n}\n',
      2,
    ],
    ['no final newline', V2.slice(0, -1), 6],
  ])('%s: a failure about the JSON alone, at the first line that differs', (_, json, line) => {
    const verdict = judged(json);
    expect(verdict).toMatchObject({
      ok: false,
      reason: `--output json differs from the v2 layout at line ${line}`,
      expected: V2,
      actual: json,
      aspect: 'json',
    });
  });

  test('a client that declares jsonStyle but returns no JSON fails', () => {
    expect(judged(undefined)).toMatchObject({
      ok: false,
      reason: 'the adapter declares jsonStyle v2 but returned no json',
      aspect: 'json',
    });
  });

  test('a wrong output fails as the output, before its JSON is read', () => {
    const verdict = judgeJson(
      response,
      { outcome: { status: 'resolved', output: { ...output, JobId: 'J2' }, json: V2 }, requests: [] },
      client('v2'),
    );
    expect(verdict).toMatchObject({ ok: false, member: 'JobId' });
    expect(verdict).not.toHaveProperty('aspect');
  });

  test('a client that declares no jsonStyle is skipped, with the reason', () => {
    expect(needsJson(client())).toBe('the adapter prints no --output json (it declares no jsonStyle)');
    expect(needsJson(client('v1'))).toBeUndefined();
  });
});
