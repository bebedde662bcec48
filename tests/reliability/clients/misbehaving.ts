/** A client that is the reference but for one misbehaviour, done before it answers. */
import { referenceAdapter } from '../../../adapters/index.ts';
import type { GetStatusRequest } from '../../../spec/index.ts';
import type { AdapterContext, ClientAdapter } from '../../../harness/index.ts';

export const misbehaving = (
  name: string,
  act: (context: AdapterContext, request: GetStatusRequest) => unknown,
): ClientAdapter => ({
  name,
  transport: 'intercept',
  async getStatus(request, context) {
    await act(context, request);
    return referenceAdapter.getStatus(request, context);
  },
});
