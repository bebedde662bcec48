/**
 * The zone clients in this process run under: a half-hour offset with daylight saving, so a
 * client that reads a zone-less CreationDate in local time lands on another instant whatever
 * zone the machine has (GS-TIME-003). The harness, generators and reference only use UTC.
 * Out-of-process clients get TZ=UTC instead (adapters/client-environment.ts): their output is
 * judged as the text they print, which must not depend on the machine.
 */
export const IN_PROCESS_TIME_ZONE = 'America/St_Johns';
