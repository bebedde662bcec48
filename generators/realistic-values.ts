/**
 * Member values that look like the service's, made with a seeded Faker: the documentation's
 * message style, carriers with tracking numbers of their real shape, S3 bucket names that S3
 * accepts, and signature files and manifests laid out like the documentation example.
 */
import type { Faker } from '@faker-js/faker';
import { LOCATION_CODES, PROGRESS_CODES } from '../spec/index.ts';

const KNOWN_TOKENS = new Set([...Object.keys(LOCATION_CODES), ...Object.keys(PROGRESS_CODES)]);
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const letters = (word: string) => word.replace(/[^A-Za-z]/g, '');

/** A well-formed token the documentation does not name, such as `InTransit`. */
export function unknownToken(faker: Faker): string {
  const token = `${capitalized(letters(faker.word.preposition()) || 'In')}${capitalized(letters(faker.word.noun()) || 'Transit')}`;
  return KNOWN_TOKENS.has(token) ? `${token}Later` : token;
}

const LOCATION_MESSAGES: Record<string, (f: Faker) => string> = {
  AtAWS: (f) =>
    f.helpers.arrayElement([
      'The device is at AWS.',
      `Your device arrived at the AWS data center in ${f.location.city()}.`,
    ]),
  NotReceived: () => 'AWS has not received your device.',
  Returned: (f) => `The device was shipped back to ${f.person.fullName()}.`,
};

const PROGRESS_MESSAGES: Record<string, (f: Faker) => string> = {
  Pending: () => 'The specified job has not started.',
  Started: (f) => `The job is being processed: ${f.number.int({ min: 1, max: 99 })}% of the files copied.`,
  Success: () => 'The job completed successfully.',
  SuccessWithErrors: () => 'The job completed with errors. See the log for details.',
};

export const locationMessage = (f: Faker, code: string | undefined) =>
  (LOCATION_MESSAGES[code ?? ''] ?? ((x: Faker) => `The device is ${x.word.adjective()} near ${x.location.city()}.`))(
    f,
  );
export const progressMessage = (f: Faker, code: string | undefined) =>
  (PROGRESS_MESSAGES[code ?? ''] ?? ((x: Faker) => `${capitalized(x.word.verb())}: ${x.lorem.sentence()}`))(f);

/** A carrier and a tracking number in that carrier's format. */
export function shipment(f: Faker): { Carrier: string; TrackingNumber: string } {
  const digits = (n: number) => f.string.numeric({ length: n, allowLeadingZeros: true });
  return f.helpers.arrayElement([
    () => ({
      Carrier: 'UPS',
      TrackingNumber: `1Z${f.string.alphanumeric({ length: 6, casing: 'upper' })}${digits(10)}`,
    }),
    () => ({ Carrier: 'FedEx', TrackingNumber: digits(12) }),
    () => ({ Carrier: 'USPS', TrackingNumber: `9400${digits(18)}` }),
    () => ({ Carrier: 'DHL', TrackingNumber: digits(10) }),
  ])();
}

const slug = (word: string) => word.toLowerCase().replace(/[^a-z0-9]/g, '');

/** 3–63 characters of lower-case letters, digits, dots and hyphens, starting and ending alphanumeric. */
export function bucketName(f: Faker): string {
  const words = [slug(f.word.noun()) || 'import', slug(f.word.noun()) || 'logs'];
  const name = f.helpers.arrayElement([
    () => `${words[0]}-${words[1]}-logs`,
    () => `${slug(f.company.name()) || 'example'}.importexport.${f.string.numeric(4)}`,
    () => `${words[0]}${f.string.alphanumeric({ length: 6, casing: 'lower' })}`,
  ])();
  return name.slice(0, 63).replace(/[.-]+$/, '');
}

export function logKey(f: Faker, jobId: string): string {
  return `${f.helpers.arrayElement(['logs', 'importexport-logs', 'AWSImportExport/logs'])}/${jobId}/${f.system.commonFileName('log')}`;
}

/** 20 random bytes in base64, like the documentation's `ktKDXpdbEXAMPLEyGFJmQO744UHw=`. */
export function signature(f: Faker): string {
  return Buffer.from(Array.from({ length: 20 }, () => f.number.int({ min: 0, max: 255 }))).toString('base64');
}

export function signatureFile(jobId: string, sig: string): string {
  return `version:2.0\nsigningMethod:HmacSHA1\njobId:${jobId}\nsignature:${sig}`;
}

/** A manifest laid out like the documentation example: key:value lines and an indented return address. */
export function manifest(f: Faker, bucket: string): string {
  const lines = [
    'manifestVersion:2.0',
    `generator:${f.helpers.arrayElement(['Text editor', 'AWS Import/Export Web Service Tool 1.0'])}`,
    `bucket:${bucket}`,
    `deviceId:${f.string.numeric(5)}`,
    `eraseDevice:${f.helpers.arrayElement(['yes', 'no'])}`,
    `notificationEmail:${f.internet.email()};${f.internet.email()}`,
    ...(f.datatype.boolean() ? [`trueCryptPassword:${f.internet.password({ length: 12 })}`] : []),
    `acl:${f.helpers.arrayElement(['private', 'public-read', 'bucket-owner-full-control'])}`,
    `serviceLevel:${f.helpers.arrayElement(['standard', 'expeditedShipping'])}`,
    'returnAddress:',
    `    name: ${f.person.fullName()}`,
    `    company: ${f.company.name()}`,
    `    street1: ${f.location.streetAddress()}`,
    `    street2:${f.datatype.boolean() ? ` ${f.location.secondaryAddress()}` : ''}`,
    '    street3:',
    `    city: ${f.location.city()}`,
    `    stateOrProvince: ${f.location.state({ abbreviated: true })}`,
    `    postalCode: ${f.location.zipCode()}`,
    `    country:${f.location.countryCode()}`,
    `    phoneNumber:${f.phone.number()}`,
  ];
  return lines.join('\n');
}

export function artifactDescription(f: Faker, jobId: string): string {
  return f.helpers.arrayElement([
    `Log report for ${jobId}`,
    'Success log',
    'Error log',
    `${capitalized(f.word.noun())} manifest copy`,
  ]);
}

/** A presigned-looking S3 URL: its query string needs `&` escaped in XML. */
export function artifactUrl(f: Faker, bucket: string, jobId: string): string {
  return `https://${bucket}.s3.amazonaws.com/${jobId}/${f.system.commonFileName('txt')}?X-Amz-Expires=${f.number.int({ min: 60, max: 604800 })}&X-Amz-Signature=${f.string.hexadecimal({ length: 16, casing: 'lower', prefix: '' })}`;
}
