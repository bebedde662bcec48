// A client that reads a zone-less CreationDate as JavaScript's Date does with no zone: in local time.
import { referenceAdapter } from '../../../adapters/index.ts';
import { wireTextOf } from '../../../spec/index.ts';
import type { ClientAdapter } from '../../../harness/index.ts';

export default {
  ...referenceAdapter,
  name: 'local-time',
  async getStatus(request, context) {
    const { output, text, json } = await referenceAdapter.getStatus(request, context);
    const wire = output.CreationDate instanceof Date ? wireTextOf(output.CreationDate) : undefined;
    if (wire && /T\d\d:\d\d:\d\d(\.\d+)?$/i.test(wire))
      output.CreationDate = new Date(wire.replace(/(\.\d{3})\d+$/, '$1'));
    return { output, text, json };
  },
} satisfies ClientAdapter;
