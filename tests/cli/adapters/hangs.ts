// A client that never settles, whatever it is asked.
import type { ClientAdapter } from '../../../harness/index.ts';

export default {
  name: 'hangs',
  transport: 'intercept',
  getStatus: () => new Promise(() => {}),
} satisfies ClientAdapter;
