/**
 * The library entry points refuse bad options in one line that says what to fix, before any
 * suite starts. (tests/package runs them for real, from an installed tarball.)
 */
import { describe, expect, test } from 'vitest';
import { runConformance, type ConformanceOptions } from '../../api/run-conformance.ts';
import { describeConformance, type ConformanceSuiteOptions } from '../../api/vitest.ts';

describe('runConformance', () => {
  test.each<[string, ConformanceOptions, RegExp]>([
    ['an unknown suite', { suites: ['parsing', 'nope' as never] }, /^suites: unknown nope; choose from parsing, /],
    ['an unknown rule', { checks: ['GS-NOPE-001' as never] }, /^checks: unknown GS-NOPE-001; choose from GS-/],
    ['runs of 0', { runs: 0 }, /^runs must be ≥ 1, got 0$/],
    [
      'a missing adapter file',
      { adapter: './no-such-adapter.ts' },
      /^adapter file '\.\/no-such-adapter\.ts' not found; /,
    ],
    ['a missing baseline file', { baseline: 'no-such-baseline.json' }, /no such file 'no-such-baseline\.json'/],
    [
      'a malformed baseline',
      { baseline: { known: [{ rule: 'GS-COND-008' }] } as never },
      /^baseline: entry 1 \(GS-COND-008\) needs a non-empty "client"/,
    ],
    ['strictBaseline without a baseline', { strictBaseline: true }, /^strictBaseline needs a baseline$/],
  ])('%s rejects with one line', async (_, options, message) => {
    const error = await runConformance(options).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
  });
});

describe('describeConformance', () => {
  test.each<[string, ConformanceSuiteOptions, RegExp]>([
    [
      'an unknown suite',
      { adapter: 'reference', suites: ['nope' as never] },
      /^describeConformance: suites: unknown nope; choose from parsing, /,
    ],
    [
      'an unknown rule',
      { adapter: 'reference', checks: ['GS-NOPE-001' as never] },
      /^describeConformance: checks: unknown GS-NOPE-001; choose from GS-/,
    ],
    [
      'an adapter object without getStatus',
      { adapter: { name: 'x', transport: 'intercept' } as never },
      /^describeConformance: the adapter has no getStatus function; /,
    ],
    [
      'an adapter object without its module',
      { adapter: { name: 'x', transport: 'intercept', getStatus: async () => ({ output: {} }) } },
      /^describeConformance: give the adapter as its module's path .* so a failure's replay line runs$/,
    ],
    [
      'strictBaseline without a baseline',
      { adapter: 'reference', strictBaseline: true },
      /^describeConformance: strictBaseline needs a baseline$/,
    ],
    [
      'a malformed baseline',
      { adapter: 'reference', baseline: { known: [{ rule: 'GS-COND-008' }] } as never },
      /^describeConformance: baseline: entry 1 \(GS-COND-008\) needs a non-empty "client"/,
    ],
  ])('%s throws while the file is collected', (_, options, message) => {
    expect(() => describeConformance(options)).toThrow(message);
  });
});

describe('both read their options through the one check the command uses', () => {
  test.each<[string, Partial<ConformanceOptions>, string]>([
    ['a fractional seed', { seed: 1.5 }, 'seed must be an integer, got 1.5'],
    ['a negative seed', { seed: -1 }, 'seed must be ≥ 0, got -1'],
    ['a timeout of 0', { timeoutMs: 0 }, 'timeoutMs must be ≥ 1, got 0'],
    ['a concurrency of 0', { concurrency: 0 }, 'concurrency must be ≥ 1, got 0'],
    [
      'an empty list of suites',
      { suites: [] },
      'suites: unknown value; choose from parsing, timestamps, conditional, text, errors, requests, robustness, authentication',
    ],
  ])('%s: the same one line from each', async (_, options, message) => {
    const rejected = await runConformance(options).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(rejected).toBe(message);
    expect(() =>
      describeConformance({ adapter: 'reference', ...(options as Partial<ConformanceSuiteOptions>) }),
    ).toThrow(`describeConformance: ${message}`);
  });
});
