import { referenceAdapter } from '../../../adapters/index.ts';
import type { ClientAdapter } from '../../../harness/index.ts';

/** Answers with a 50 MB JobId. */
export default {
  name: 'huge-value',
  transport: 'intercept',
  async getStatus(request, context) {
    const { output } = await referenceAdapter.getStatus(request, context);
    return { output: { ...output, JobId: 'x'.repeat(50 * 1024 * 1024) } };
  },
} satisfies ClientAdapter;
