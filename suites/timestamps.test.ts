import { TIMESTAMPS } from './checks/timestamps.ts';
import { defineSuite } from './define.ts';

defineSuite('timestamps', TIMESTAMPS);
