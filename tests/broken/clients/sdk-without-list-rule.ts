/** The six-bug client 'sdk-without-list-rule' of tests/broken/adapters.ts as an adapter module, for the command line (README figures). */
import { MULTI_BUG } from '../adapters.ts';

export default MULTI_BUG.find((m) => m.name === 'sdk-without-list-rule')!.adapter;
