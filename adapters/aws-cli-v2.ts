/** AWS CLI v2 as Debian packages it (`apt-get install awscli`), at /usr/bin/aws. */
import { AWS_CLI_V2_PATH, awsCliAdapter, type AwsCliOptions } from './aws-cli.ts';
import { isExecutableFile } from './installed-program.ts';

export const AWS_CLI_V2: AwsCliOptions = {
  name: 'aws-cli-v2',
  major: 2,
  textStyle: 'v2',
  creationDate: 'date',
  candidates: () => (isExecutableFile(AWS_CLI_V2_PATH) ? [AWS_CLI_V2_PATH] : []),
  lookedAt: `at ${AWS_CLI_V2_PATH}`,
  install: 'apt-get install -y awscli',
  extraArgs: ['--no-cli-pager'],
};

export default awsCliAdapter(AWS_CLI_V2);
