/**
 * What a case produced, and how an adapter's answer is read into it. A client's failure to
 * follow the adapter contract is kept apart from the client reporting an error: the first is
 * 'crashed', the second 'rejected'.
 */
import type { RecordedRequest } from './request-check.ts';

export type Outcome =
  | { status: 'resolved'; output: unknown; text?: string; json?: string }
  | { status: 'rejected'; error: { code?: string; message: string; name?: string } }
  /** The client did not settle within the timeout. */
  | { status: 'timeout'; reason: string }
  /**
   * It threw a non-Error, its process crashed, or the adapter broke its contract; `raised`: the
   * uncaught exception the client's runtime reported, when that is what ended the call.
   */
  | { status: 'crashed'; reason: string; raised?: string }
  /** The client returned, but its adapter cannot express what (a value with no JSON form). */
  | { status: 'unrepresentable'; reason: string };

export interface CaseResult {
  outcome: Outcome;
  /** Every request the client made during the case, in arrival order. */
  requests: RecordedRequest[];
  /** ms from abort to settlement when the case was aborted early; undefined otherwise. */
  settledAfterAbortMs?: number;
}

export interface RunOptions {
  /** Default: the harness's timeout (10000). With abortAfterMs, counted from the abort. */
  timeoutMs?: number;
  /**
   * Abort the signal early (GS-SAFE-004), then wait up to timeoutMs for the client to settle. A
   * client that stops by its own budget is given max(abortAfterMs, MIN_CLIENT_BUDGET_MS) as
   * `context.timeoutMs` instead, and its signal is aborted only when the case ends.
   */
  abortAfterMs?: number;
  /** Passed to the adapter as `context.wantsText` (default true). */
  wantsText?: boolean;
}

/**
 * Thrown by an adapter when the client itself broke rather than reported an error
 * (its process died from a signal, its output cannot be read): the case is 'crashed'.
 */
export class ClientCrashed extends Error {
  override name = 'ClientCrashed';
}

/** The client raised an exception its caller could not handle (a trace on stderr, a `crash` answer): `exception` is its one line. */
export class ClientRaised extends ClientCrashed {
  constructor(readonly exception: string) {
    super(`the client crashed: ${exception}`);
  }
}

/** Thrown by an adapter whose client returned something it cannot express to the harness. */
export class ClientUnrepresentable extends Error {
  override name = 'ClientUnrepresentable';
}

const MAX_SHOWN = 120;

/** A short, single-line rendering of any value, for reasons. */
export function describeThrown(value: unknown): string {
  let text: string;
  if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'symbol' || typeof value === 'function' || value === undefined) text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  text = text.replace(/\s*\n\s*/g, ' ');
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

function isErrorLike(value: unknown): value is { message: string; code?: unknown; name?: unknown } {
  // Errors from another realm (vm, worker) fail instanceof but are still errors.
  return (
    value instanceof Error ||
    (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string')
  );
}

export function rejectionOutcome(reason: unknown): Outcome {
  if (reason instanceof ClientRaised) return { status: 'crashed', reason: reason.message, raised: reason.exception };
  if (reason instanceof ClientCrashed) return { status: 'crashed', reason: reason.message };
  if (reason instanceof ClientUnrepresentable) return { status: 'unrepresentable', reason: reason.message };
  if (!isErrorLike(reason))
    return { status: 'crashed', reason: `getStatus threw a non-Error: ${describeThrown(reason)}` };
  const name = typeof reason.name === 'string' ? reason.name : undefined;
  // aws-sdk v2 sets a numeric code (400) for non-XML error bodies; a DOMException's numeric code is legacy noise.
  // An error that has a `code` of its own, even an empty one (a command that printed none), is not named by its class.
  const rawCode = reason instanceof DOMException ? name : 'code' in reason ? reason.code : name;
  const code = typeof rawCode === 'string' || typeof rawCode === 'number' ? String(rawCode) : undefined;
  return {
    status: 'rejected',
    error: { ...(code !== undefined && { code }), message: reason.message, ...(name !== undefined && { name }) },
  };
}

export function resolutionOutcome(value: unknown): Outcome {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { status: 'crashed', reason: `getStatus resolved with ${describeThrown(value)}, not {output: object}` };
  }
  const { output, text, json } = value as { output?: unknown; text?: unknown; json?: unknown };
  // An output that is no object is the client's answer, not a crash: the judge says what it is.
  if (!('output' in (value as object)))
    return { status: 'crashed', reason: 'getStatus resolved with output undefined, not an object' };
  if (text !== undefined && typeof text !== 'string') {
    return { status: 'crashed', reason: `getStatus resolved with text ${describeThrown(text)}, not a string` };
  }
  if (json !== undefined && typeof json !== 'string') {
    return { status: 'crashed', reason: `getStatus resolved with json ${describeThrown(json)}, not a string` };
  }
  return { status: 'resolved', output, ...(text !== undefined && { text }), ...(json !== undefined && { json }) };
}
