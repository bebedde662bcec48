/**
 * How the service authenticates a request (GS-REQ-005): a signature is verified by recomputing it
 * from the credentials, never by looking for a header: SigV4 in the Authorization header (botocore)
 * or SigV2 in the form body (aws-sdk v2). signV4 signs as a client does (the reference's own signing).
 */
import { createHash, createHmac } from 'node:crypto';

export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

const sha256hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
/** RFC 3986 encoding as both signature versions require: unreserved characters stay, everything else is %XX. */
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const SIGV4_SERVICE = 'IngestionService';

function canonicalV4(request: SignedRequest, signedHeaders: string): string {
  const names = signedHeaders.split(';');
  const [path, query = ''] = request.path.split('?');
  const canonicalQuery = query
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=').map((p) => rfc3986(decodeURIComponent(p.replace(/\+/g, ' ')))))
    .sort(([a, av = ''], [b, bv = '']) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : 1))
    .map(([k, v = '']) => `${k}=${v}`)
    .join('&');
  const canonicalHeaders = names.map((n) => `${n}:${request.headers[n].trim().replace(/\s+/g, ' ')}\n`).join('');
  return [
    request.method,
    path
      .split('/')
      .map((seg) => rfc3986(decodeURIComponent(seg)))
      .join('/') || '/',
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    sha256hex(request.body),
  ].join('\n');
}

/** Signing keys by secret, date, region and service: a run signs and verifies every case with the same few. */
const signingKeys = new Map<string, Buffer>();

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const id = JSON.stringify([secret, date, region, service]);
  let key = signingKeys.get(id);
  if (!key) {
    key = [date, region, service, 'aws4_request'].reduce<Buffer | string>(
      (k, part) => hmac(k, part),
      `AWS4${secret}`,
    ) as Buffer;
    if (signingKeys.size >= 64) signingKeys.clear();
    signingKeys.set(id, key);
  }
  return key;
}

function signatureV4(
  request: SignedRequest,
  signedHeaders: string,
  secret: string,
  amzDate: string,
  region: string,
  service: string,
): string {
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256hex(canonicalV4(request, signedHeaders))].join('\n');
  const key = signingKey(secret, date, region, service);
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

/** The headers that sign a request as botocore does: X-Amz-Date and a SigV4 Authorization over content-type, host and x-amz-date. */
export function signV4(
  request: SignedRequest,
  credentials: Credentials,
  region: string,
  now: Date,
): Record<string, string> {
  const amzDate = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const signedHeaders = 'content-type;host;x-amz-date';
  const headers = { ...request.headers, 'x-amz-date': amzDate };
  const signature = signatureV4(
    { ...request, headers },
    signedHeaders,
    credentials.secretAccessKey,
    amzDate,
    region,
    SIGV4_SERVICE,
  );
  return {
    'x-amz-date': amzDate,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${amzDate.slice(0, 8)}/${region}/${SIGV4_SERVICE}/aws4_request, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

function verifySigV4(request: SignedRequest, credentials: Credentials): string | undefined {
  const match = SIGV4.exec(request.headers.authorization ?? '');
  if (!match) return `Authorization is not a SigV4 header: ${JSON.stringify(request.headers.authorization)}`;
  const [, keyId, date, region, service, signedHeaders, signature] = match;
  if (keyId !== credentials.accessKeyId) return `signed with access key ${keyId}, not ${credentials.accessKeyId}`;
  const amzDate = request.headers['x-amz-date'];
  if (!amzDate?.startsWith(date))
    return `X-Amz-Date ${JSON.stringify(amzDate)} does not match the credential date ${date}`;
  const missing = signedHeaders.split(';').filter((n) => request.headers[n] === undefined);
  if (missing.length > 0) return `signed headers missing from the request: ${missing.join(', ')}`;
  const expected = signatureV4(request, signedHeaders, credentials.secretAccessKey, amzDate, region, service);
  return expected === signature ? undefined : 'the SigV4 signature does not verify with the given credentials';
}

function verifySigV2(request: SignedRequest, credentials: Credentials): string | undefined {
  const params = new URLSearchParams(request.body);
  if (params.get('AWSAccessKeyId') !== credentials.accessKeyId)
    return `signed with access key ${params.get('AWSAccessKeyId')}, not ${credentials.accessKeyId}`;
  const method = params.get('SignatureMethod');
  if (method !== 'HmacSHA256' && method !== 'HmacSHA1') return `unknown SignatureMethod ${JSON.stringify(method)}`;
  const canonical = [...params.entries()]
    .filter(([k]) => k !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join('&');
  const host = (request.headers.host ?? '').toLowerCase();
  // The host is signed with its port by some clients and without it by others.
  const hosts = [host, host.replace(/:\d+$/, '')];
  const algorithm = method === 'HmacSHA256' ? 'sha256' : 'sha1';
  const given = params.get('Signature');
  const ok = hosts.some(
    (h) =>
      createHmac(algorithm, credentials.secretAccessKey)
        .update([request.method, h, request.path.split('?')[0] || '/', canonical].join('\n'), 'utf8')
        .digest('base64') === given,
  );
  return ok ? undefined : 'the SigV2 signature does not verify with the given credentials';
}

/** Why the request's signature does not verify, or undefined when it does. */
export function signatureProblem(request: SignedRequest, credentials: Credentials): string | undefined {
  if (request.headers.authorization !== undefined) return verifySigV4(request, credentials);
  const params = new URLSearchParams(request.body);
  if (params.get('SignatureVersion') === '2' && params.has('Signature')) return verifySigV2(request, credentials);
  return 'the request is not signed (no SigV4 Authorization header, no SigV2 Signature in the body)';
}
