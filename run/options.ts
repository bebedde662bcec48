/**
 * Bad options to a run, from whichever front end took them: the command prints the message as one
 * line and exits 2; runConformance and describeConformance throw it as it is.
 */
export class OptionError extends Error {}
