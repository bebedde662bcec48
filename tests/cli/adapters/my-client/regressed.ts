// The next release: both known bugs, and a new one (every string trimmed).
import { myClient } from './bugs.ts';

export default myClient(['drops-zero', 'local-time', 'trims']);
