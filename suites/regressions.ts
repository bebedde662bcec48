/**
 * Counterexamples kept as files: NAME.xml (the body, byte for byte) beside NAME.json (status,
 * headers, request, fault, the rule as `label`, and what a correct client does). The seed suite
 * replays every file in fixtures/regressions/; `run --save-counterexamples DIR` writes them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Expected, ResponseCase } from '../generators/case.ts';
import { parseTimestamp, Timestamp, type RuleId } from '../spec/index.ts';
import { caseFromBody } from './cases.ts';

export interface RegressionMeta {
  label: RuleId;
  kind: ResponseCase['kind'];
  status: number;
  headers: Record<string, string>;
  request: ResponseCase['request'];
  fault?: ResponseCase['fault'];
  /** Kept when the rule decides it (a tolerance), not the reference parse of the body. */
  expected?: Expected;
  /** Where it came from: the client, the check's reason and the line that replays it. */
  found?: { client: string; version?: string; reason: string; replay?: string };
}

/** Timestamps keep their wire text and integers beyond 2^53 their digits through JSON, so a revived expectation compares as the original. */
function withTimestamps(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  if (typeof raw === 'bigint') return { $bigint: String(raw) };
  return raw instanceof Date ? { $timestamp: raw instanceof Timestamp ? raw.wire : raw.toISOString() } : value;
}
function revive(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && '$timestamp' in value)
    return parseTimestamp(String((value as { $timestamp: string }).$timestamp));
  if (value !== null && typeof value === 'object' && '$bigint' in value)
    return BigInt((value as { $bigint: string }).$bigint);
  return value;
}

export function writeRegression(
  dir: string,
  name: string,
  c: ResponseCase,
  rule: RuleId,
  found: RegressionMeta['found'],
): string {
  mkdirSync(dir, { recursive: true });
  const meta: RegressionMeta = {
    label: rule,
    kind: c.kind,
    status: c.status,
    headers: c.headers,
    request: c.request,
    ...(c.fault && { fault: c.fault }),
    ...(c.expected.outcome === 'fail-or-tolerated' && { expected: c.expected }),
    ...(found && { found }),
  };
  writeFileSync(join(dir, `${name}.xml`), c.body);
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(meta, withTimestamps, 2)}\n`);
  return join(dir, `${name}.json`);
}

export function readRegression(jsonFile: string): ResponseCase & { label: RuleId } {
  const meta = JSON.parse(readFileSync(jsonFile, 'utf8'), revive) as RegressionMeta;
  const body = new Uint8Array(readFileSync(jsonFile.replace(/\.json$/, '.xml')));
  const c = caseFromBody(meta.kind ?? 'valid', body, {
    status: meta.status,
    headers: meta.headers,
    jobId: meta.request?.jobId,
    apiVersion: meta.request?.apiVersion,
    label: meta.label,
    ...(meta.fault && { fault: meta.fault }),
  });
  return {
    ...c,
    label: meta.label,
    name: jsonFile.replace(/^.*\//, '').replace(/\.json$/, ''),
    ...(meta.expected && { expected: meta.expected }),
  };
}
