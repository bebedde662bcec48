/**
 * The JSON a client process printed, read with its integers as exact as the client held them.
 * A Go int64 or a Python int prints an ErrorCount of 9007199254740993 exactly; JSON.parse would
 * round it to 9007199254740992 and the judge would blame the client for the harness's loss.
 */
import { isInteger, parse } from 'lossless-json';

/** Safe integers and non-integers as numbers (what JSON.parse gives), larger integers as bigint. */
function parseNumber(text: string): number | bigint {
  const value = Number(text);
  return isInteger(text) && !Number.isSafeInteger(value) ? BigInt(text) : value;
}

/** Throws a SyntaxError when `text` is not JSON. A repeated key keeps its last value, as with JSON.parse. */
export function parseClientJson(text: string): unknown {
  // Only a run of 16 digits can be an integer a double cannot hold; JSON.parse is much faster for the rest.
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  return parse(text, null, { parseNumber, onDuplicateKey: ({ newValue }) => newValue });
}
