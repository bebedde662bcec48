#!/usr/bin/env python3
"""A persistent GetStatus client on boto3, for getstatus-conformance's persistent protocol.

    npx getstatus-conformance --adapter persistent --command 'python3 examples/python-boto3/get_status_client.py'

The protocol (docs/ADAPTERS.md): print one ready line, then read one JSON request per line on
stdin and print one JSON answer per line on stdout, with the request's id:

    {"ready": true, "version": "..."}                     once, at start
    {"id": 1, "output": {...}}                            the call returned
    {"id": 1, "error": {"code": "...", "message": "..."}} the call failed cleanly
    {"id": 1, "crash": "KeyError: 'GetStatusResult'"}     it raised what its caller cannot handle
    {"id": 1, "cannotRepresent": "..."}                   it returned what JSON cannot hold

Nothing else goes to stdout. An exception botocore does not document (KeyError, ValueError)
takes a caller that handles botocore's errors down: it is answered as a crash, with its
traceback on stderr, and the process serves the next request.

This is also the built-in `boto3` client (adapters/boto3.ts).
"""
import datetime
import json
import sys
import traceback


def encode(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    # What botocore leaked (an ElementTree object for a duplicated element) shows as a wrong value.
    return repr(value)


class Clients:
    """One boto3 client per endpoint, region, credentials and timeout: made once, then reused."""

    def __init__(self):
        import boto3

        self.session = boto3.session.Session()
        self.made = {}

    def get(self, request):
        from botocore.config import Config

        # Half the case's budget: the client gives up on a silent server before the tool gives up on it.
        timeout = request["timeoutMs"] / 2000
        credentials = request["credentials"]
        key = (request["endpoint"], request["region"], credentials["accessKeyId"], credentials["secretAccessKey"], timeout)
        if key not in self.made:
            self.made[key] = self.session.client(
                "importexport",
                endpoint_url=request["endpoint"],
                region_name=request["region"],
                aws_access_key_id=credentials["accessKeyId"],
                aws_secret_access_key=credentials["secretAccessKey"],
                # One attempt per call: total_max_attempts counts the first try.
                config=Config(retries={"total_max_attempts": 1, "mode": "standard"}, read_timeout=timeout, connect_timeout=timeout),
            )
        return self.made[key]


def answer(clients, request):
    from botocore.exceptions import BotoCoreError, ClientError
    from botocore.parsers import ResponseParserError

    params = {"JobId": request["jobId"]}
    if "apiVersion" in request:
        params["APIVersion"] = request["apiVersion"]
    try:
        result = clients.get(request).get_status(**params)
    except ClientError as error:
        details = error.response.get("Error", {})
        return {"error": {"code": details.get("Code"), "message": details.get("Message")}}
    except (ResponseParserError, BotoCoreError) as error:
        return {"error": {"code": type(error).__name__, "message": str(error)}}
    except Exception as error:
        traceback.print_exc()
        return {"crash": f"{type(error).__name__}: {error}"}
    result.pop("ResponseMetadata", None)
    try:
        return {"output": json.loads(json.dumps(result, default=encode, allow_nan=False))}
    except ValueError as error:
        return {"cannotRepresent": str(error)}


def main():
    import boto3
    import botocore

    sys.stdin.reconfigure(encoding="utf-8")
    clients = Clients()
    version = f"boto3/{boto3.__version__} botocore/{botocore.__version__} Python/{sys.version.split()[0]}"
    print(json.dumps({"ready": True, "version": version}), flush=True)
    for line in sys.stdin:
        if line.strip():
            request = json.loads(line)
            print(json.dumps({"id": request["id"], **answer(clients, request)}), flush=True)


if __name__ == "__main__":
    main()
