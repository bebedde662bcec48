/**
 * The environment of an out-of-process AWS client: the case's credentials and region, and
 * nothing of the user's AWS setup (profiles, config and credentials files, retry settings,
 * endpoints), so that every case is one request to the harness, read the same way on any machine.
 */
import type { AdapterContext } from '../spec/index.ts';

const FIXED = {
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_PAGER: '',
  // One case is one exchange: a retried 5xx would replay the case and spend seconds in backoff.
  AWS_MAX_ATTEMPTS: '1',
  AWS_RETRY_MODE: 'standard',
  // Never ask for instance credentials: that is a request to 169.254.169.254.
  AWS_EC2_METADATA_DISABLED: 'true',
  // Output bytes must not depend on the user's locale or zone (botocore prints an epoch CreationDate in local time).
  LC_ALL: 'C.UTF-8',
  TZ: 'UTC',
  PYTHONIOENCODING: 'utf-8',
};

export function clientEnvironment(context: AdapterContext): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('AWS_')) env[name] = value;
  }
  return {
    ...env,
    ...FIXED,
    AWS_ACCESS_KEY_ID: context.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: context.credentials.secretAccessKey,
    AWS_DEFAULT_REGION: context.region,
  };
}
