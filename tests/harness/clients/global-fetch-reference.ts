/** The reference client on the global fetch, as an adapter module: the tool runs it in worker threads, intercepted. */
import { globalFetchReferenceAdapter } from '../../../adapters/reference.ts';

export default globalFetchReferenceAdapter;
