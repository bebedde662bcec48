import { ROBUSTNESS } from './checks/robustness.ts';
import { defineSuite } from './define.ts';

defineSuite('robustness', ROBUSTNESS);
