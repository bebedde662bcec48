import { misbehaving } from './misbehaving.ts';

export default misbehaving('unhandled-rejection', () => {
  void Promise.reject(new Error('nobody handles this'));
  return new Promise(() => {});
});
