/** How a GetStatus call fails, as the reference decides it. */
import type { RuleId } from './rules.ts';
import type { ToleratedOutput } from './types.ts';

export type FailureKind =
  /** The service answered with a query-protocol ErrorResponse: the client must report its Code and Message. */
  | 'service'
  /** The response is not a usable GetStatus response: the client must fail; `rule` names why. */
  | 'malformed'
  /** A non-2xx status without an ErrorResponse body: the client must fail; no code is expected. */
  | 'http';

export interface ExpectedFailure {
  kind: FailureKind;
  status: number;
  code?: string;
  message: string;
  rule?: RuleId;
}

export class GetStatusError extends Error implements ExpectedFailure {
  readonly kind: FailureKind;
  readonly status: number;
  readonly code?: string;
  readonly rule?: RuleId;
  readonly requestId?: string;
  /** Outputs as harmless as failing, for a spelling the service never sends (see the rule): a client may return one of them instead. */
  tolerated: ToleratedOutput[] = [];

  constructor(failure: ExpectedFailure & { requestId?: string }) {
    super(failure.message);
    this.name = failure.code ?? 'GetStatusError';
    this.kind = failure.kind;
    this.status = failure.status;
    this.code = failure.code;
    this.rule = failure.rule;
    this.requestId = failure.requestId;
  }

  tolerating(outputs: ToleratedOutput[]): this {
    this.tolerated = outputs;
    return this;
  }

  /** The expected error as printed by `render` and stored beside generated cases. */
  toJSON(): ExpectedFailure {
    const { kind, status, code, message, rule } = this;
    return { kind, status, ...(code !== undefined && { code }), message, ...(rule !== undefined && { rule }) };
  }
}

export const malformed = (rule: RuleId, status: number, message: string) =>
  new GetStatusError({ kind: 'malformed', status, rule, message });
