/**
 * How a generated case was made, kept beside it so the harness can rebuild it with one
 * dimension made plain (see spec/dimensions.ts). The recipe stays out of the case object:
 * cases are data that reports, files and equality checks see whole.
 */
import type { ErrorSpec, GetStatusOutput } from '../spec/index.ts';
import type { ResponseCase } from './case.ts';
import type { ErrorShape } from './error-shapes.ts';
import type { WireEncoding } from './wire-encoding.ts';

/** What a case is spelled from: the parts the dimensions read and make plain. */
export interface Spelled {
  output?: GetStatusOutput;
  encoding: WireEncoding;
  contentType?: string;
  /** An error response's error, message, form and shape. */
  error?: ErrorSpec;
  message?: string;
  format?: 'query' | 'legacy';
  shape?: ErrorShape;
  /** The APIVersion the caller gives (requests only). */
  apiVersion?: string;
  /** False: the labelled departure is left out, so the case is the valid response it was made from. */
  essence?: boolean;
}

export interface Recipe<P extends Spelled = Spelled> {
  parts: P;
  build(parts: P): ResponseCase;
}

const recipes = new WeakMap<ResponseCase, Recipe>();

/** The case `build` makes of `parts`, remembered with its recipe. */
export function fromRecipe<P extends Spelled>(parts: P, build: (parts: P) => ResponseCase): ResponseCase {
  const c = build(parts);
  recipes.set(c, { parts, build } as unknown as Recipe);
  return c;
}

export function recipeOf(c: ResponseCase): Recipe | undefined {
  return recipes.get(c);
}
