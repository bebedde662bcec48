/**
 * Whether a real client is set up on this machine. When it is not, the tests that need it are
 * skipped and say why on stderr, with the line that says how to install it; with
 * REQUIRE_REAL_CLIENTS=1 (CI, after .ci/run installed every client) a missing client fails instead.
 */
import { beforeEach } from 'vitest';
import { ClientNotInstalled } from '../adapters/real-client.ts';
import type { ClientAdapter } from '../harness/index.ts';

/** The reason the client cannot run here, or undefined when it can. */
export async function missingClient(adapter: ClientAdapter): Promise<string | undefined> {
  try {
    await adapter.setup?.();
    return undefined;
  } catch (error) {
    if (!(error instanceof ClientNotInstalled) || process.env.REQUIRE_REAL_CLIENTS === '1') throw error;
    console.warn(`skipping the ${adapter.name} tests: ${error.message}`);
    return error.message;
  } finally {
    await adapter.teardown?.();
  }
}

/** Skip every test of the file (or describe block) when `missing` holds a reason. */
export function skipWhenMissing(missing: () => string | undefined): void {
  beforeEach(({ skip }) => {
    const reason = missing();
    if (reason !== undefined) skip(reason);
  });
}
