/** The six-bug client 'drops-empty-and-more' of tests/broken/adapters.ts as an adapter module, for the command line (README figures). */
import { MULTI_BUG } from '../adapters.ts';

export default MULTI_BUG.find((m) => m.name === 'drops-empty-and-more')!.adapter;
