import { CONDITIONAL } from './checks/conditional.ts';
import { defineSuite } from './define.ts';

defineSuite('conditional', CONDITIONAL);
