/**
 * The tool's plug-in interface: what an adapter module exports so the harness can play cases to a
 * client, and what each call is given and returns. The service's own shapes are spec/types.ts.
 */
import type { GetStatusOutput, GetStatusRequest, OutputStyle, WireGetStatusOutput } from '../spec/types.ts';

export interface AdapterContext {
  /** Where to send the request (always a loopback or intercepted URL). */
  endpoint: string;
  /**
   * A standard fetch bound to this case; hand it to a client that takes one. In-process
   * ('intercept') it is answered by the harness's msw handlers directly, with nothing global
   * patched: aborts, stalls and transport faults behave as on the intercepted global fetch, a
   * request anywhere but `endpoint` fails and is recorded as stray (GS-REQ-006), and once the case
   * has ended every call fails. Over 'loopback' it is the platform's fetch, sending real HTTP.
   */
  fetch: typeof fetch;
  /** Always 'us-east-1'. */
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Aborted when the case times out; a well-behaved client stops waiting. */
  signal: AbortSignal;
  /**
   * How long the client may take, in ms. A client the tool cannot abort (another process)
   * gives up by itself after this long: the adapter passes it on (a read timeout, a deadline).
   */
  timeoutMs: number;
  /**
   * Whether the check reads what the client prints: `text`, and `json` from an adapter that
   * declares a jsonStyle. False when only the output is judged: an adapter that runs its client a
   * second time for `--output text` may skip that run (a process start saved).
   */
  wantsText: boolean;
}

export interface AdapterResult {
  output: GetStatusOutput | WireGetStatusOutput;
  /** The client's `--output text` stdout, for adapters that declare a textStyle. */
  text?: string;
  /** The client's `--output json` stdout, for adapters that declare a jsonStyle. */
  json?: string;
}

/**
 * A client under test. The default export of an adapter module.
 * A thrown error's `code` (or `name`) is read as the service error code, its `message` as the message.
 */
export interface ClientAdapter {
  name: string;
  /**
   * 'intercept': the client runs in this process and its HTTP is answered by msw: through
   * `context.fetch` when it takes a fetch, or by interception of global fetch and node:http.
   * 'loopback': the client sends real HTTP (another process, another language) to a loopback server.
   */
  transport: 'intercept' | 'loopback';
  /** Which AWS CLI text layout the client prints, if it prints one. */
  textStyle?: OutputStyle;
  /** Which AWS CLI `--output json` layout the client prints, if it prints one (GS-TEXT-005). */
  jsonStyle?: OutputStyle;
  /** 'date' (default): output.CreationDate is a parsed Date. 'wire': it is the text as received (AWS CLI v1 never parses it). */
  creationDate?: 'date' | 'wire';
  /**
   * How the client is made to stop waiting. 'signal' (default): it honours `context.signal`.
   * 'budget': once started it cannot be reached (another process); it gives up by itself after
   * `context.timeoutMs`, and GS-SAFE-004 tests that. 'none': neither, so GS-SAFE-004 does not apply.
   */
  stops?: 'signal' | 'budget' | 'none';
  /**
   * How the client's user can let the tool check more of it, in the terms the client is set up
   * with (a flag, an option): `text`, how to have it print `--output text`, read when it declares
   * no textStyle; `budget`, how to tell it its time budget, read when it `stops: 'none'`. A check
   * skipped for want of either says how.
   */
  howTo?: { text?: string; budget?: string };
  /** The client's own version string, known once `setup` has run; reports show it. */
  version?: string;
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
  /** Resolve with what the client returned; reject (throw) when the client reported an error. */
  getStatus(request: GetStatusRequest, context: AdapterContext): Promise<AdapterResult>;
}
