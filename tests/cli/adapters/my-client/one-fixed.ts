// A release that fixed ErrorCount 0: only the local-time reading is left.
import { myClient } from './bugs.ts';

export default myClient(['local-time']);
