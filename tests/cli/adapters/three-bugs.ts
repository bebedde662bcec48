// Three independent bugs at once: ErrorCount 0 dropped, a zone-less CreationDate read in local
// time, and every string trimmed. A user should see three deviations, one under each rule.
import { referenceAdapter } from '../../../adapters/index.ts';
import { wireTextOf } from '../../../spec/index.ts';
import type { ClientAdapter } from '../../../harness/index.ts';

export default {
  ...referenceAdapter,
  name: 'three-bugs',
  async getStatus(request, context) {
    const { output, text, json } = await referenceAdapter.getStatus(request, context);
    if (output.ErrorCount === 0) delete output.ErrorCount;
    const wire = output.CreationDate instanceof Date ? wireTextOf(output.CreationDate) : undefined;
    if (wire && /T\d\d:\d\d:\d\d(\.\d+)?$/i.test(wire))
      output.CreationDate = new Date(wire.replace(/(\.\d{3})\d+$/, '$1'));
    for (const [key, value] of Object.entries(output))
      if (typeof value === 'string') (output as Record<string, unknown>)[key] = value.trim();
    return { output, text, json };
  },
} satisfies ClientAdapter;
