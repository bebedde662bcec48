/** Response bodies the spec tests are built from, written out rather than taken from spec/ so a bug there cannot hide. */

export const NAMESPACE = 'http://importexport.amazonaws.com/doc/2010-06-01/';

/** A GetStatusResponse around the given GetStatusResult members, as the service lays it out. */
export const getStatusBody = (members: string, namespace = NAMESPACE) =>
  `<GetStatusResponse xmlns="${namespace}">\n  <GetStatusResult>\n${members}\n  </GetStatusResult>\n  <ResponseMetadata>\n    <RequestId>1b4e2f5a-0000-4000-8000-000000000000</RequestId>\n  </ResponseMetadata>\n</GetStatusResponse>\n`;

/** A query-protocol ErrorResponse. */
export const errorBody = (code: string, message: string) =>
  `<ErrorResponse xmlns="${NAMESPACE}">\n  <Error>\n    <Type>Sender</Type>\n    <Code>${code}</Code>\n    <Message>${message}</Message>\n  </Error>\n  <RequestId>7d3c6f2e-0000-4000-8000-000000000000</RequestId>\n</ErrorResponse>\n`;
