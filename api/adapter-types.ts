/**
 * What `getstatus-conformance/spec/types.ts` resolves to, as it did when the plug-in interface
 * lived there: the types an adapter module is written against, the interface itself
 * (harness/client-adapter.ts) and the service's shapes it returns (spec/types.ts).
 */
export type * from '../harness/client-adapter.ts';
export type * from '../spec/types.ts';
