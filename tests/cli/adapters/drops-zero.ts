// A client that drops ErrorCount when it is 0: the documentation's own example catches it.
import { referenceAdapter } from '../../../adapters/index.ts';
import type { ClientAdapter } from '../../../harness/index.ts';

export default {
  ...referenceAdapter,
  name: 'drops-zero',
  async getStatus(request, context) {
    const { output, text, json } = await referenceAdapter.getStatus(request, context);
    if (output.ErrorCount === 0) delete output.ErrorCount;
    return { output, text, json };
  },
} satisfies ClientAdapter;
