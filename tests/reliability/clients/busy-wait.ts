import { misbehaving } from './misbehaving.ts';

// 20 s of work without yielding, then a correct answer.
export default misbehaving('busy-wait', () => {
  const until = Date.now() + 20_000;
  while (Date.now() < until);
});
