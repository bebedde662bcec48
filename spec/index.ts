/** The contract: types, model, rules and the reference behaviour. */
export type * from './types.ts';
export * from './model.ts';
export * from './rules.ts';
export * from './errors.ts';
export { parseGetStatusResponse, readResponse, type Reading } from './parse.ts';
export { validateGetStatusResponse, type WireResponse } from './validate.ts';
export { renderJson, renderText, cliView } from './render.ts';
export { parseTimestamp, Timestamp, wireTextOf, isoformatTextOf, httpDateOf } from './timestamps.ts';
export * from './dimensions.ts';
