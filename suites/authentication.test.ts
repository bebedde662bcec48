import { checksOf } from './checks/index.ts';
import { defineSuite } from './define.ts';

defineSuite('authentication', checksOf('authentication'));
