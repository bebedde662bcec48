import { TEXT } from './checks/text.ts';
import { defineSuite } from './define.ts';

defineSuite('text', TEXT);
