import { misbehaving } from './misbehaving.ts';

// Waits 3 s whatever its signal says.
export default misbehaving('ignores-abort', () => new Promise((resolve) => setTimeout(resolve, 3_000)));
