/** How cases are played when nobody says otherwise: the one place these defaults are set. */
import { availableParallelism } from 'node:os';

/** How long one case may take, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Cases run at once: one per core the process may use. */
export const defaultConcurrency = (): number => availableParallelism();
