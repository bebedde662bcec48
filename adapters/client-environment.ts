/**
 * The environments of out-of-process clients. A user's program (the command and persistent
 * adapters) gets the tool's environment with the case's credentials and one attempt per call.
 * The built-in AWS clients get nothing of the user's AWS setup (profiles, config and credentials
 * files, retry settings, endpoints), so that every case is one request to the harness, read the
 * same way on any machine.
 */
import { CASE_CREDENTIALS, CASE_REGION } from '../harness/case-credentials.ts';

type Credentials = { accessKeyId: string; secretAccessKey: string };

/** Inherited variables that would make a client use something other than the case's credentials. */
const CREDENTIAL_OVERRIDES = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'];

export function commandEnvironment(
  credentials: Credentials = CASE_CREDENTIALS,
  region = CASE_REGION,
): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of CREDENTIAL_OVERRIDES) delete env[name];
  return {
    ...env,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: region,
    AWS_REGION: region,
    // One case is one exchange: a retried 5xx would replay the same case and take seconds of backoff.
    AWS_MAX_ATTEMPTS: env.AWS_MAX_ATTEMPTS ?? '1',
    AWS_PAGER: '',
    // Never look for instance credentials: that is a request to 169.254.169.254.
    AWS_EC2_METADATA_DISABLED: 'true',
    // The endpoint is on loopback: a proxy the user's environment names must not stand in between.
    NO_PROXY: withLoopback(env.NO_PROXY),
    no_proxy: withLoopback(env.no_proxy),
  };
}

const withLoopback = (list: string | undefined) => [list, '127.0.0.1', 'localhost'].filter(Boolean).join(',');

const FIXED = {
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_PAGER: '',
  AWS_MAX_ATTEMPTS: '1',
  AWS_RETRY_MODE: 'standard',
  AWS_EC2_METADATA_DISABLED: 'true',
  // Output bytes must not depend on the user's locale or zone (botocore prints an epoch CreationDate in local time).
  LC_ALL: 'C.UTF-8',
  TZ: 'UTC',
  PYTHONIOENCODING: 'utf-8',
};

export function builtInClientEnvironment(
  credentials: Credentials = CASE_CREDENTIALS,
  region = CASE_REGION,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('AWS_')) env[name] = value;
  }
  return {
    ...env,
    ...FIXED,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: region,
  };
}
