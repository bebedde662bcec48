import { misbehaving } from './misbehaving.ts';

export default misbehaving('sync-loop', () => {
  for (;;);
});
