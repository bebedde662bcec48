// The library entry for plain Node: the API is TypeScript, loaded through tsx in a namespace of
// its own, so the importing program's module loading stays as it was.
import { tsImport } from 'tsx/esm/api';

const api = await tsImport('./index.ts', import.meta.url);

export const { runConformance, reportExitCode, referenceAdapter, SUITES, RULE_IDS } = api;
