import { misbehaving } from './misbehaving.ts';

export default misbehaving('never-settles', () => new Promise(() => {}));
