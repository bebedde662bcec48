// A client's thread (harness/isolation.ts): TypeScript through tsx, as cli/bin.js runs it.
import { register } from 'tsx/esm/api';

register();
await import('./isolation-host.ts');
