import { seedChecks } from './checks/seed.ts';
import { defineSuite } from './define.ts';

defineSuite('seed', seedChecks());
