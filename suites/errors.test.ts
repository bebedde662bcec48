import { ERRORS } from './checks/errors.ts';
import { defineSuite } from './define.ts';

defineSuite('errors', ERRORS);
