// A client whose setup fails, as a real client's does when its program is not installed.
import { referenceAdapter } from '../../../adapters/index.ts';
import type { ClientAdapter } from '../../../harness/index.ts';

export default {
  ...referenceAdapter,
  name: 'not-installed',
  async setup() {
    throw new Error("my-client not found: install it with 'pip install my-client'");
  },
} satisfies ClientAdapter;
