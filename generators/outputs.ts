/**
 * Valid GetStatus outputs. fast-check decides the shape (which members, which tokens, which
 * values are hostile) and a seed; Faker, seeded with it, fills in realistic text. The contract's
 * conditions hold: Carrier and TrackingNumber exactly when LocationCode is Returned, ErrorCount
 * whenever the job finished (and sometimes otherwise, as GS-COND-005 allows), JobType Import or Export.
 */
import fc from 'fast-check';
import {
  ERROR_COUNT_PROGRESS_CODES,
  JOB_TYPES,
  LOCATION_CODES,
  OUTPUT_MEMBERS,
  PROGRESS_CODES,
  RETURNED,
  type Artifact,
  type GetStatusOutput,
} from '../spec/index.ts';
import { creationDate } from './creation-dates.ts';
import { hostileString } from './hostile-strings.ts';
import * as realistic from './realistic-values.ts';
import { seededFaker } from './seeded-faker.ts';

/** A text member's value: null for a realistic value, or (when hostile strings are wanted) this exact hostile string. */
const text = (hostile: boolean) =>
  hostile
    ? fc.oneof(
        { withCrossShrink: true },
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: hostileString() },
      )
    : fc.constant(null);

/** Known tokens, or a well-formed unknown one (drawn by Faker when the value is built). */
const UNKNOWN = { unknown: true } as const;
const token = (known: string[]) =>
  fc.oneof(
    { weight: known.length, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.constant(UNKNOWN) },
  );

export const errorCount = () =>
  fc.oneof(
    { withCrossShrink: true },
    fc.constant(0),
    fc.integer({ min: 1, max: 20 }),
    fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  );

/** What fast-check draws for one output; `build` turns it into the output. */
const shape = (hostile: boolean) =>
  fc.record(
    {
      seed: fc.nat(),
      JobId: fc.constant(true),
      JobType: fc.constantFrom(...JOB_TYPES),
      LocationCode: token(Object.keys(LOCATION_CODES)),
      LocationMessage: text(hostile),
      ProgressCode: token(Object.keys(PROGRESS_CODES)),
      ProgressMessage: text(hostile),
      LogBucket: fc.constant(true),
      LogKey: text(hostile),
      ErrorCount: errorCount(),
      finishedErrorCount: errorCount(),
      Signature: fc.constant(true),
      SignatureFileContents: text(hostile),
      CurrentManifest: text(hostile),
      CreationDate: creationDate(),
      ArtifactList: fc.array(fc.record({ Description: text(hostile), URL: text(hostile) }, { requiredKeys: [] }), {
        maxLength: 5,
      }),
    },
    { requiredKeys: ['seed', 'finishedErrorCount'] },
  );

type Shape = ReturnType<typeof shape> extends fc.Arbitrary<infer S> ? S : never;

function build(s: Shape): GetStatusOutput {
  const f = seededFaker(s.seed);
  const jobId = f.string.alphanumeric({ length: 5, casing: 'upper' });
  const bucket = realistic.bucketName(f);
  const sig = realistic.signature(f);
  const tokenValue = (t: string | typeof UNKNOWN | undefined): string | undefined =>
    typeof t === 'object' ? realistic.unknownToken(f) : t;
  const location = tokenValue(s.LocationCode);
  const progress = tokenValue(s.ProgressCode);
  const chosen = (value: string | null | undefined, make: () => string) =>
    value === undefined ? undefined : (value ?? make());
  const values: GetStatusOutput = {
    JobId: s.JobId ? jobId : undefined,
    JobType: s.JobType,
    LocationCode: location,
    LocationMessage: chosen(s.LocationMessage, () => realistic.locationMessage(f, location)),
    ProgressCode: progress,
    ProgressMessage: chosen(s.ProgressMessage, () => realistic.progressMessage(f, progress)),
    ...(location === RETURNED ? realistic.shipment(f) : {}),
    LogBucket: s.LogBucket ? bucket : undefined,
    LogKey: chosen(s.LogKey, () => realistic.logKey(f, jobId)),
    ErrorCount: (ERROR_COUNT_PROGRESS_CODES as readonly (string | undefined)[]).includes(progress)
      ? (s.ErrorCount ?? s.finishedErrorCount)
      : s.ErrorCount,
    Signature: s.Signature ? sig : undefined,
    SignatureFileContents: chosen(s.SignatureFileContents, () => realistic.signatureFile(jobId, sig)),
    CurrentManifest: chosen(s.CurrentManifest, () => realistic.manifest(f, bucket)),
    CreationDate: s.CreationDate,
    ArtifactList: s.ArtifactList?.map(
      (a): Artifact => ({
        ...(a.Description !== undefined && { Description: a.Description ?? realistic.artifactDescription(f, jobId) }),
        ...(a.URL !== undefined && { URL: a.URL ?? realistic.artifactUrl(f, bucket, jobId) }),
      }),
    ),
  };
  // Model order and no undefined keys: an absent member is an absent key.
  const output: GetStatusOutput = {};
  for (const { name } of OUTPUT_MEMBERS)
    if (values[name] !== undefined) (output as Record<string, unknown>)[name] = values[name];
  return output;
}

/**
 * `hostile: false` keeps every text value realistic: for checks about something else (namespaces,
 * list shapes, absent members), so that a client's trouble with odd strings, which GS-PARSE-001
 * and GS-PARSE-003 judge, does not stand in for the rule the check is about.
 */
export function getStatusOutput(options: { hostile?: boolean } = {}): fc.Arbitrary<GetStatusOutput> {
  // Every member absent (an empty GetStatusResult) is a response the service may send, but a draw of
  // fifteen optional members almost never gives it.
  return fc.oneof(
    { weight: 30, arbitrary: shape(options.hostile ?? true).map(build) },
    { weight: 1, arbitrary: fc.constant(null).map((): GetStatusOutput => ({})) },
  );
}
