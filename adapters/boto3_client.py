"""One GetStatus call with boto3, for the conformance harness's `boto3` adapter.

Prints the result as one JSON object without ResponseMetadata and exits 0. When botocore
fails the call the way it documents (a ClientError for a service error, a ResponseParserError
or another BotoCoreError), prints {"error": {"code": ..., "message": ...}} and exits 1. Any
other exception out of get_status (KeyError, ValueError, ...) is botocore breaking on the
response: it is left uncaught, so Python prints its traceback and exits 1, which the adapter
reads as a crash.

Values JSON cannot hold are printed as repr() so that what botocore leaked (ElementTree
objects for a duplicated element) shows up as a wrong value, not as a crash of this program.

Credentials and region come from the environment the adapter sets.
"""
import argparse
import datetime
import json
import os
import sys


def encode(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return repr(value)


def fail(code, message):
    print(json.dumps({"error": {"code": code, "message": message}}))
    return 1


def main():
    parser = argparse.ArgumentParser(description="boto3 importexport get_status, printed as JSON")
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--job-id", required=True)
    parser.add_argument("--api-version")
    args = parser.parse_args()

    import boto3
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError, ClientError
    from botocore.parsers import ResponseParserError

    client = boto3.client(
        "importexport",
        endpoint_url=args.endpoint_url,
        region_name=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
        # total_max_attempts counts the first try; botocore's max_attempts would still allow one retry.
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}, read_timeout=5, connect_timeout=5),
    )
    params = {"JobId": args.job_id}
    if args.api_version is not None:
        params["APIVersion"] = args.api_version
    try:
        result = client.get_status(**params)
    except ClientError as error:
        details = error.response.get("Error", {})
        return fail(details.get("Code"), details.get("Message"))
    except (ResponseParserError, BotoCoreError) as error:
        return fail(type(error).__name__, str(error))
    result.pop("ResponseMetadata", None)
    print(json.dumps(result, default=encode))
    return 0


if __name__ == "__main__":
    sys.exit(main())
