import { misbehaving } from './misbehaving.ts';

export default misbehaving(
  'timer-throws',
  () =>
    new Promise(() =>
      setTimeout(() => {
        throw new Error('thrown from a timer');
      }, 10),
    ),
);
