import { AUTHENTICATION } from './checks/requests.ts';
import { defineSuite } from './define.ts';

defineSuite('authentication', AUTHENTICATION);
