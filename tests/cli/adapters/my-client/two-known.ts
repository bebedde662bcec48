// The release the baseline was written from: ErrorCount 0 dropped, a zone-less CreationDate read in local time.
import { myClient } from './bugs.ts';

export default myClient(['drops-zero', 'local-time']);
