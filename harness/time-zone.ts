/**
 * The zone the tool's process runs under, and with it in-process clients and the processes the
 * command adapter starts: a half-hour offset with daylight saving, so a client that reads a
 * zone-less CreationDate in local time lands on another instant whatever zone the machine has
 * (GS-TIME-003). The harness, generators and reference only use UTC. The built-in AWS CLI and
 * boto3 clients get TZ=UTC instead (adapters/client-environment.ts): botocore prints an epoch
 * CreationDate in local time, and their text output must not depend on the machine.
 */
export const IN_PROCESS_TIME_ZONE = 'America/St_Johns';
