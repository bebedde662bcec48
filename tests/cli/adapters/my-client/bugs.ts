// A client whose team keeps a baseline: the same name whatever bugs it has, so the baseline's
// entries match it as its bugs come and go.
import { referenceAdapter } from '../../../../adapters/index.ts';
import { wireTextOf } from '../../../../spec/index.ts';
import type { ClientAdapter } from '../../../../harness/index.ts';

export type Bug = 'drops-zero' | 'local-time' | 'trims';

export function myClient(bugs: readonly Bug[]): ClientAdapter {
  return {
    ...referenceAdapter,
    name: 'my-client',
    async getStatus(request, context) {
      const { output, text, json } = await referenceAdapter.getStatus(request, context);
      if (bugs.includes('drops-zero') && output.ErrorCount === 0) delete output.ErrorCount;
      const wire = output.CreationDate instanceof Date ? wireTextOf(output.CreationDate) : undefined;
      if (bugs.includes('local-time') && wire && /T\d\d:\d\d:\d\d(\.\d+)?$/i.test(wire))
        output.CreationDate = new Date(wire.replace(/(\.\d{3})\d+$/, '$1'));
      if (bugs.includes('trims'))
        for (const [key, value] of Object.entries(output))
          if (typeof value === 'string') (output as Record<string, unknown>)[key] = value.trim();
      return { output, text, json };
    },
  };
}
