"""The AWS CLI kept warm: `aws ARGS...` run by the CLI's own driver inside this Python process.

Started with the interpreter of an AWS CLI installation (v1 or v2), it imports that CLI once,
prints {"ready": true, "version": <what `aws --version` prints>}, then for each line
{"id": N, "argv": [...]} on stdin runs the CLI's entry point on argv exactly as the `aws`
script does, and prints {"id": N, "exitCode": ..., "stdout": ..., "stderr": ...}: the bytes a
fresh `aws` process would print and the status it would exit with. The streams the CLI writes
to are swapped for in-memory ones with the same encoding and error handling as the real ones.

The environment (credentials, region, no config files, TZ, locale) is the process's own, set
by the tool when it starts this program, as it would be for `aws`.
"""
import io
import json
import os
import sys

# What the `aws` script does before importing the CLI.
if os.environ.get("LC_CTYPE", "") == "UTF-8":
    os.environ["LC_CTYPE"] = "en_US.UTF-8"

from awscli import clidriver  # noqa: E402


def memory_like(stream):
    return io.TextIOWrapper(io.BytesIO(), encoding=stream.encoding, errors=stream.errors, newline=None, write_through=True)


class Cli:
    def __init__(self):
        self.driver = clidriver.create_clidriver()
        # v2 appends " prompt/off" to the user agent on every run: reset it so run N sends what run 1 does.
        self.user_agent_extra = self.driver.session.user_agent_extra
        self.entry_point = getattr(clidriver, "AWSCLIEntryPoint", None)

    def run(self, argv, real_stdout, real_stderr):
        out, err = memory_like(real_stdout), memory_like(real_stderr)
        sys.stdout, sys.stderr = out, err
        try:
            self.driver.session.user_agent_extra = self.user_agent_extra
            if self.entry_point is not None:
                rc = self.entry_point(self.driver).main(argv)
            else:
                rc = self.driver.main(argv)
        except SystemExit as exit:
            rc = exit.code
        finally:
            sys.stdout, sys.stderr = real_stdout, real_stderr
        # sys.exit(rc): None is 0, an int is itself, anything else is printed and 1.
        if rc is None:
            rc = 0
        elif not isinstance(rc, int):
            err.write(f"{rc}\n")
            rc = 1
        return {"exitCode": rc, "stdout": out.buffer.getvalue().decode("utf-8", "surrogateescape"), "stderr": err.buffer.getvalue().decode("utf-8", "surrogateescape")}


def main():
    real_stdout, real_stderr = sys.stdout, sys.stderr
    cli = Cli()
    version = cli.run(["--version"], real_stdout, real_stderr)
    print(json.dumps({"ready": True, "version": (version["stdout"] or version["stderr"]).strip()}), file=real_stdout, flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        answer = cli.run(request["argv"], real_stdout, real_stderr)
        print(json.dumps({"id": request["id"], **answer}), file=real_stdout, flush=True)


if __name__ == "__main__":
    main()
