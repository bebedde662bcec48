import type { Report } from './report.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownReport(report: Report): string {
  const { passed, failed, skipped } = report.summary;
  const lines = [
    `# GetStatus conformance: ${report.adapter}`,
    '',
    `Seed ${report.seed}, runs ${report.runs}: ${passed} passed, ${failed} failed, ${skipped} skipped.`,
    '',
    '| suite | rule | level | check | result | detail |',
    '|---|---|---|---|---|---|',
    ...report.checks.map((c) => `| ${c.suite} | ${c.id} | ${c.level} | ${cell(c.title)} | ${c.status} | ${cell(c.reason ?? '')}${c.replay ? ` (replay: \`${cell(c.replay)}\`)` : ''} |`),
  ];
  return `${lines.join('\n')}\n`;
}
