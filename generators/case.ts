/**
 * A generated test case: one HTTP exchange the harness plays to a client, and what the
 * reference says the client must do with it. Shared by generators (which build cases),
 * the harness (which serves them) and the suites (which judge the client).
 */
import type { ExpectedFailure, GetStatusOutput, RuleId, ToleratedOutput } from '../spec/index.ts';

export type CaseKind = 'valid' | 'invalid' | 'error' | 'fault';

/** How the server misbehaves on the transport, beyond the status, headers and body it serves. */
export type TransportFault =
  /** Send the headers and the first `afterBytes` bytes of the body, then destroy the socket. */
  | { type: 'reset'; afterBytes: number }
  /** Announce the full Content-Length, send only `sendBytes` bytes, then end the connection. */
  | { type: 'short-body'; sendBytes: number }
  /** Wait `ms` before the status line ('headers') or after the first half of the body ('body'). */
  | { type: 'stall'; where: 'headers' | 'body'; ms: number }
  /** Serve the body gzip-compressed, with or without `Content-Encoding: gzip`. */
  | { type: 'gzip'; header: boolean };

/** What a correct client does with the case. */
export type Expected =
  /** Resolve with exactly this output (the reference parse). */
  | { outcome: 'output'; output: GetStatusOutput }
  /** Fail; for a service error, with this code and message. */
  | { outcome: 'fail'; error: ExpectedFailure }
  /**
   * Either fail, or resolve with one of `accept`: for a spelling the service never sends, the answers
   * `rule` finds harmless (one of two duplicated values, the instant of an epoch CreationDate...).
   */
  | { outcome: 'fail-or-tolerated'; rule: RuleId; accept: ToleratedOutput[] };

export interface ResponseCase {
  /** Stable name within a generated set: used for file names and reports. */
  name: string;
  kind: CaseKind;
  /** The request the client is asked to make. */
  request: { jobId: string; apiVersion?: string };
  status: number;
  headers: Record<string, string>;
  /** The body bytes (a string is sent as UTF-8). */
  body: string | Uint8Array;
  fault?: TransportFault;
  /** For invalid cases and faults: the rule the response breaks or exercises. */
  label?: RuleId;
  expected: Expected;
}
