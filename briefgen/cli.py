"""The `briefgen` command: thin wiring of config, pipeline and renderers.

Errors a user can cause come here as BriefgenError and leave as one line on
stderr and a non-zero exit; set BRIEFGEN_DEBUG=1 to see tracebacks.

Here are the command group and main(); the commands that make and show a brief are in
cli_build, those that send it in cli_delivery, and what every command shares (-q/-v,
progress, --format and --date) in cli_common.
"""

from __future__ import annotations

import os
import sys

import click

from .cli_build import build, check, diff, history, init, serve
from .cli_delivery import dispatch, run, schedule, send, status, worker
from .errors import BriefgenError


def _error(message: str) -> None:
    for line in message.splitlines():
        click.echo(f"briefgen: error: {line}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefgen")
def cli() -> None:
    """Turn a pile of news articles into a sourced daily brief (HTML, PDF, JSON, Markdown)."""


for command in (build, check, init, send, run, schedule, history, diff, serve, dispatch, worker,
                status):
    cli.add_command(command)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("briefgen: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except BriefgenError as e:
        _error(str(e))
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("briefgen: interrupted", err=True)
        sys.exit(130)
    except Exception as e:  # a bug of ours: say so in one line unless debugging
        if os.environ.get("BRIEFGEN_DEBUG"):
            raise
        _error(f"internal error: {type(e).__name__}: {e} (set BRIEFGEN_DEBUG=1 for details)")
        sys.exit(70)


if __name__ == "__main__":
    main()
