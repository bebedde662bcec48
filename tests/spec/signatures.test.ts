/** Signatures are verified by recomputing them: real clients' signatures verify, altered ones do not. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CASE_CREDENTIALS } from '../../harness/index.ts';
import { signatureProblem, signV4, type SignedRequest } from '../../spec/signatures.ts';

const fixture = (name: string): SignedRequest =>
  JSON.parse(readFileSync(new URL(`../../fixtures/signatures/${name}`, import.meta.url), 'utf8'));
const botocore = fixture('botocore-sigv4.json');
const awsSdk = fixture('aws-sdk-v2-sigv2.json');
const other = { ...CASE_CREDENTIALS, secretAccessKey: 'another-secret' };

describe('GS-REQ-005 signatures', () => {
  test.each([
    ['botocore SigV4', botocore],
    ['aws-sdk v2 SigV2', awsSdk],
  ])('a %s request captured from the real client verifies', (_, request) => {
    expect(signatureProblem(request, CASE_CREDENTIALS)).toBeUndefined();
  });

  test.each([
    [
      'botocore SigV4, body changed',
      { ...botocore, body: botocore.body.replace('EX', 'EY') },
      CASE_CREDENTIALS,
      /does not verify/,
    ],
    ['botocore SigV4, wrong secret', botocore, other, /does not verify/],
    [
      'botocore SigV4, host changed',
      { ...botocore, headers: { ...botocore.headers, host: '127.0.0.1:1' } },
      CASE_CREDENTIALS,
      /does not verify/,
    ],
    [
      'aws-sdk v2 SigV2, body changed',
      { ...awsSdk, body: awsSdk.body.replace('APIVersion=2.0', 'APIVersion=2.1') },
      CASE_CREDENTIALS,
      /does not verify/,
    ],
    ['aws-sdk v2 SigV2, wrong secret', awsSdk, other, /does not verify/],
    ['unsigned', { method: 'POST', path: '/', headers: {}, body: 'Action=GetStatus' }, CASE_CREDENTIALS, /not signed/],
    ['another access key', botocore, { ...CASE_CREDENTIALS, accessKeyId: 'AKIDOTHER' }, /access key/],
  ])('%s is refused', (_, request, credentials, why) => {
    expect(signatureProblem(request as SignedRequest, credentials)).toMatch(why);
  });

  test('signV4 reproduces botocore byte for byte', () => {
    const { authorization, 'x-amz-date': _d, ...unsigned } = botocore.headers;
    const signed = signV4(
      { ...botocore, headers: unsigned },
      CASE_CREDENTIALS,
      'us-east-1',
      new Date('2026-11-29T03:30:00Z'),
    );
    expect(signed.authorization).toBe(authorization);
  });
});
