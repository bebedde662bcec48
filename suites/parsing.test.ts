import { PARSING } from './checks/parsing.ts';
import { defineSuite } from './define.ts';

defineSuite('parsing', PARSING);
