/**
 * The GetStatus contract as TypeScript types: what a call takes and what a client returns. The
 * interface a client is plugged in by is harness/client-adapter.ts.
 */

/** One member of ArtifactList. Either member may be absent on the wire. */
export interface Artifact {
  Description?: string;
  URL?: string;
}

/**
 * What a client returns for a successful GetStatus call.
 * An absent member is an absent key: never `''`, `null` or `0` in its place.
 * JobType, LocationCode and ProgressCode are open: unknown tokens pass through.
 */
export interface GetStatusOutput {
  JobId?: string;
  JobType?: string;
  LocationCode?: string;
  LocationMessage?: string;
  ProgressCode?: string;
  ProgressMessage?: string;
  Carrier?: string;
  TrackingNumber?: string;
  LogBucket?: string;
  LogKey?: string;
  ErrorCount?: number;
  Signature?: string;
  SignatureFileContents?: string;
  CurrentManifest?: string;
  CreationDate?: Date;
  ArtifactList?: Artifact[];
}

export type ScalarMember = Exclude<keyof GetStatusOutput, 'ArtifactList'>;
export type StringMember = Exclude<ScalarMember, 'ErrorCount' | 'CreationDate'>;

/**
 * An output a rule accepts besides the reference's own, for a spelling the service never sends:
 * an ErrorCount beyond 2^53 held exactly (bigint), null for an empty ErrorCount or CreationDate,
 * a CreationDate returned as the text received.
 */
export type ToleratedOutput = Omit<GetStatusOutput, 'ErrorCount' | 'CreationDate'> & {
  ErrorCount?: number | bigint | null;
  CreationDate?: Date | string | null;
};

/** The request parameters a caller gives; Action and Version are the client's job. */
export interface GetStatusRequest {
  jobId: string;
  apiVersion?: string;
}

/** Which AWS CLI layout: v1 prints timestamps as received, v2 as Python isoformat(). */
export type OutputStyle = 'v1' | 'v2';

/** The output of an adapter whose `creationDate` is 'wire': CreationDate is the text as received. */
export type WireGetStatusOutput = Omit<GetStatusOutput, 'CreationDate'> & { CreationDate?: string };
