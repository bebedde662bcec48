import { REQUESTS } from './checks/requests.ts';
import { defineSuite } from './define.ts';

defineSuite('requests', REQUESTS);
