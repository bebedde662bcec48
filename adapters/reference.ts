/**
 * The reference client: the fetch it is handed (`context.fetch`), the spec's parser and the AWS
 * CLI v2 renderers (text and JSON). A correct client behaves like this one on every case.
 */
import { signV4 } from '../spec/signatures.ts';
import {
  parseGetStatusResponse,
  renderJson,
  renderText,
  REQUEST,
  SERVICE,
  type GetStatusRequest,
} from '../spec/index.ts';
import type { AdapterResult, ClientAdapter } from '../harness/index.ts';

/** The form body a GetStatus call sends, in botocore's order. */
export function getStatusForm(request: GetStatusRequest): string {
  const form = new URLSearchParams({
    Action: REQUEST.params.Action.value,
    Version: SERVICE.apiVersion,
    JobId: request.jobId,
  });
  if (request.apiVersion !== undefined) form.set('APIVersion', request.apiVersion);
  return form.toString();
}

export const referenceAdapter: ClientAdapter = {
  name: 'reference',
  transport: 'intercept',
  textStyle: 'v2',
  jsonStyle: 'v2',
  async getStatus(request, context): Promise<AdapterResult> {
    const url = new URL(context.endpoint);
    const body = getStatusForm(request);
    const headers = { 'content-type': `${REQUEST.contentType}; charset=utf-8`, host: url.host };
    const signature = signV4(
      { method: REQUEST.method, path: url.pathname, headers, body },
      context.credentials,
      context.region,
      new Date(),
    );
    const { host: _host, ...sent } = headers;
    const response = await context.fetch(context.endpoint, {
      method: REQUEST.method,
      headers: { ...sent, ...signature },
      body,
      signal: context.signal,
    });
    const output = parseGetStatusResponse(new Uint8Array(await response.arrayBuffer()), response.status);
    return context.wantsText ? { output, text: renderText(output, 'v2'), json: renderJson(output, 'v2') } : { output };
  },
};

/**
 * The same client on the global fetch, as a client that cannot be handed one is: what
 * interception serves. Same name, so the two give byte-identical reports.
 */
export const globalFetchReferenceAdapter: ClientAdapter = {
  ...referenceAdapter,
  getStatus: (request, context) =>
    referenceAdapter.getStatus(request, { ...context, fetch: (input, init) => fetch(input, init) }),
};
