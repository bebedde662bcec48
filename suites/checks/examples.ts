/** Fixed responses several checks start from: the documentation page's example. */
import { readFileSync } from 'node:fs';
import { caseFromBody } from '../cases.ts';

export const SEED_RESPONSE = new URL('../../fixtures/seed/response.xml', import.meta.url);

/** The response behind the documentation page's example output. */
export const documentationExample = () => [caseFromBody('valid', readFileSync(SEED_RESPONSE, 'utf8'))];
