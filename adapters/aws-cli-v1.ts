/**
 * AWS CLI v1, the pip package: the first `aws` on PATH that is not the Debian v2 at
 * /usr/bin/aws and says `aws-cli/1.`. It never parses CreationDate: it prints the text it
 * received (so it also accepts `not-a-date`), which is why its CreationDate is 'wire'.
 */
import { AWS_CLI_V2_PATH, awsCliAdapter, type AwsCliOptions } from './aws-cli.ts';
import { programsOnPath } from './installed-program.ts';

export const AWS_CLI_V1: AwsCliOptions = {
  name: 'aws-cli-v1',
  major: 1,
  textStyle: 'v1',
  creationDate: 'wire',
  candidates: () => programsOnPath('aws', [AWS_CLI_V2_PATH]),
  lookedAt: `on PATH besides ${AWS_CLI_V2_PATH}`,
  install: 'pip install awscli',
};

export default awsCliAdapter(AWS_CLI_V1);
