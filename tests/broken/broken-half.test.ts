import { brokenClientTests } from './table.ts';

brokenClientTests(1, 2);
