/** The rule catalogue: well-formed, documented in docs/SPEC.md, and every rule proved by a test here. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specDocument } from '../../spec/document.ts';
import { RULES, RULE_IDS, ruleById, type Rule } from '../../spec/index.ts';
import { checksBySuite } from '../../suites/checks/index.ts';

const rules = RULES as readonly Rule[];
const ID = /^GS-(PARSE|TIME|COND|TEXT|ERR|REQ|SAFE)-\d{3}$/;

describe('the rule catalogue', () => {
  it('every rule id is unique', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it.each(rules.map((rule) => ({ id: rule.id, rule })))('$id is well-formed and has a source', ({ rule }) => {
    expect(rule.id).toMatch(ID);
    expect(['MUST', 'SHOULD']).toContain(rule.level);
    expect(['client', 'output', 'service']).toContain(rule.subject);
    expect(rule.statement.trim().length).toBeGreaterThan(20);
    expect(rule.source.trim().length).toBeGreaterThan(10);
    expect(ruleById(rule.id)).toBe(rule);
  });

  it('docs/SPEC.md is the document the catalogue generates (regenerate: node cli/bin.js docs)', () => {
    expect(readFileSync(new URL('../../docs/SPEC.md', import.meta.url), 'utf8')).toBe(specDocument());
  });
});

describe('every rule is checked against clients, or says why not', () => {
  const checked = new Set<string>(Object.values(checksBySuite()).flatMap((checks) => checks.map((c) => c.id)));

  it.each(rules.map((rule) => ({ id: rule.id, rule })))('$id has a check, or its reason for none', ({ rule }) => {
    if (checked.has(rule.id))
      expect(rule.unchecked, 'a rule with a check gives no reason for having none').toBeUndefined();
    else
      expect(
        rule.unchecked?.trim() ?? '',
        'no check tests this rule: add one, or say why it cannot have one (unchecked)',
      ).not.toBe('');
  });
});

describe('every rule is proved by a test under tests/spec', () => {
  const dir = new URL('./', import.meta.url);
  const self = new URL(import.meta.url).pathname.split('/').pop();
  // A test is named for a rule by a string literal that starts with rule ids (`it('GS-… …')`,
  // 'GS-TEXT-001 GS-TEXT-003' shown through `$rules`) or by a table row's `rule: 'GS-…'` shown through `$rule`.
  // An id mentioned elsewhere (a comment, a deviation's text) does not count.
  const texts = readdirSync(dir)
    .filter((file) => file.endsWith('.test.ts') && file !== self)
    .map((file) => readFileSync(new URL(file, dir), 'utf8'))
    .concat(readFileSync(new URL('response-cases.ts', dir), 'utf8'));
  const named = (id: string) =>
    texts.some((text) => new RegExp(`rule: '${id}'|['"\`](?:GS-[A-Z]+-\\d{3} )*${id}\\b`).test(text));

  it.each(RULE_IDS.map((id) => ({ id })))('$id appears in a test name', ({ id }) => {
    expect(named(id)).toBe(true);
  });
});
