/** The context every case gets, besides its endpoint and signal: the region and the credentials the service checks. */
export const CASE_REGION = 'us-east-1';
export const CASE_CREDENTIALS = Object.freeze({
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
});
