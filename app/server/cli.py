"""`relais-server`: run the central store, and the deployer's chores around it."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from app import __version__
from app.server.db import DatabaseError, Work, default_url, open_database

T = TypeVar("T")
URL_ENV = "RELAIS_DATABASE_URL"
# Longer than a client's own idle timeout (requests/urllib3 and aiohttp keep 15 s or less):
# the client closes an idle connection first, so a request never races the server's close.
KEEP_ALIVE = 75


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="relais-server",
        description="Relais central request store: Open311 GeoReport v2 and the sync API.",
    )
    parser.add_argument("--version", action="version", version=f"relais-server {__version__}")
    parser.add_argument(
        "--database-url",
        metavar="URL",
        default=os.environ.get(URL_ENV),
        help="SQLAlchemy URL: postgresql+psycopg://user@host/db in production; default: a "
        f"SQLite file in the per-user data folder (or ${URL_ENV})",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8311, help="port to listen on (8311)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    agent = sub.add_parser("create-agent", help="create an account (password prompted or on stdin)")
    agent.add_argument("username")
    agent.add_argument("--role", choices=("agent", "supervisor", "admin"), default="agent")

    cat = sub.add_parser("load-catalogue", help="load service definitions and routing")
    cat.add_argument(
        "path",
        nargs="?",
        help="folder with services.toml and routing.toml "
        "(default: the bundled resources/catalogue)",
    )

    art = sub.add_parser("load-articles", help="publish knowledge-base articles to every console")
    art.add_argument(
        "path", nargs="?", help="folder or file of articles (default: the bundled resources/kb)"
    )

    prune = sub.add_parser(
        "prune", help="forget old op results and dead tokens (run daily, e.g. from cron)"
    )
    prune.add_argument(
        "--keep-days",
        type=int,
        default=120,
        help="keep op results this long: a console resending older queued work would apply "
        "it again (default 120, above the 90 days an offline request may wait)",
    )

    key = sub.add_parser("create-api-key", help="create a GeoReport v2 API key for a client")
    key.add_argument("name", help="who the key is for, e.g. 'montreal.ca web form'")

    release = sub.add_parser(
        "release-station",
        help="free a workstation station code (a workstation replaced, or its data folder "
        "lost): the next workstation to log in with it takes it; its numbering goes on",
    )
    release.add_argument("code", type=int, metavar="CODE", help="the station code, 1-899")

    imp = sub.add_parser("import-requests", help="import the city's open-data 311 requests CSV")
    imp.add_argument("file", metavar="FILE.csv")
    imp.add_argument("--errors", metavar="REPORT.csv", help="write the rows refused here")
    imp.add_argument("--batch-size", type=int, default=2000)
    return parser


def _read_password(username: str) -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(f"Password for {username}: ")
        if getpass.getpass("Again: ") != first:
            raise SystemExit("relais-server: the two passwords differ; nothing was created")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _in_one_transaction(args: argparse.Namespace, action: Callable[[Work], T]) -> T:
    """Open the database, run `action` in one unit of work as "cli", close."""
    db = open_database(args.database_url)
    try:
        with db.work("cli") as work:
            return action(work)
    finally:
        db.close()


def _create_agent(args: argparse.Namespace) -> int:
    from app.server.auth import create_account

    password = _read_password(args.username)
    try:
        _in_one_transaction(
            args,
            lambda w: create_account(w.session, args.username, password, args.role, "cli", w.now),
        )
    except ValueError as exc:
        print(f"relais-server: {exc}", file=sys.stderr)
        return 2
    print(f"Account {args.username} ({args.role}) created.")
    return 0


def _load_catalogue(args: argparse.Namespace) -> int:
    from app.domain.catalogue import CatalogueError
    from app.server.catalogue_store import load_catalogue_file
    from app.services.resources import resources_dir

    folder = Path(args.path) if args.path else resources_dir() / "catalogue"
    try:
        report = _in_one_transaction(args, lambda work: load_catalogue_file(work, folder))
    except CatalogueError as exc:
        print(f"relais-server: {exc}", file=sys.stderr)
        return 1
    print(f"Catalogue from {folder}: {report}.")
    return 0


def _load_articles(args: argparse.Namespace) -> int:
    from app.server.articles import load_articles
    from app.services.kb_files import KbFormatError
    from app.services.resources import kb_dir

    folder = Path(args.path) if args.path else kb_dir()
    try:
        written, unchanged = _in_one_transaction(args, lambda work: load_articles(work, folder))
    except KbFormatError as exc:
        print(f"relais-server: {exc}", file=sys.stderr)
        return 1
    print(f"Articles from {folder}: {written} published, {unchanged} unchanged.")
    return 0


def _prune(args: argparse.Namespace) -> int:
    from app.server.maintenance import prune

    if args.keep_days < 91:
        print(
            "relais-server: --keep-days must be 91 or more (the offline window is 90 days)",
            file=sys.stderr,
        )
        return 2
    ops, tokens = _in_one_transaction(args, lambda work: prune(work, keep_days=args.keep_days))
    print(f"Pruned {ops} op results and {tokens} expired or revoked tokens.")
    return 0


def _create_api_key(args: argparse.Namespace) -> int:
    from app.server.auth import create_api_key

    secret = _in_one_transaction(
        args, lambda work: create_api_key(work.session, args.name, "cli", work.now)
    )
    print(secret)
    print(f"API key for {args.name}: shown once, store it now.", file=sys.stderr)
    return 0


def _release_station(args: argparse.Namespace) -> int:
    from app.domain.case_numbers import WORKSTATION_STATIONS
    from app.server.models import Station

    if args.code not in WORKSTATION_STATIONS:
        print("relais-server: CODE: a workstation station is between 1 and 899", file=sys.stderr)
        return 2

    def release(work: Work) -> bool:
        station = work.session.get(Station, args.code, with_for_update=True)
        if station is None:
            return False
        work.session.delete(station)
        return True

    if not _in_one_transaction(args, release):
        print(f"Station {args.code:03d} was not registered: nothing to release.")
        return 0
    print(
        f"Station {args.code:03d} released: the next workstation to log in with it takes it, "
        "and numbers above its last case number."
    )
    return 0


def _import_requests(args: argparse.Namespace) -> int:
    from app.server.importer import ImportFileError, import_requests, progress_bar

    path = Path(args.file)
    if not path.is_file():
        print(f"relais-server: {path}: no such file", file=sys.stderr)
        return 2
    db = open_database(args.database_url)
    try:
        report = import_requests(
            db, path, actor="import", batch_size=args.batch_size, progress=progress_bar(sys.stderr)
        )
    except ImportFileError as exc:
        print(f"relais-server: {exc}", file=sys.stderr)
        return 1
    finally:
        db.close()
    print(f"\n{report}")
    if args.errors:
        report.write_errors(Path(args.errors))
        print(f"Rows refused: {args.errors}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from app.server.app import create_app

    db = open_database(args.database_url)  # migrates once, before any worker starts
    shown = db.engine.url.render_as_string(hide_password=True)
    print(
        f"relais-server {__version__} on http://{args.host}:{args.port} (database: {shown})",
        file=sys.stderr,
    )
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "log_level": "info",
        "access_log": False,  # requests carry case numbers; personal data stays out of logs
        "timeout_keep_alive": KEEP_ALIVE,
    }
    if args.workers > 1:
        db.close()
        os.environ[URL_ENV] = args.database_url
        uvicorn.run("app.server.app:app_from_env", factory=True, workers=args.workers, **options)
        return 0
    uvicorn.run(create_app(db), **options)
    db.close()
    return 0


COMMANDS = {
    "create-agent": _create_agent,
    "load-catalogue": _load_catalogue,
    "load-articles": _load_articles,
    "prune": _prune,
    "create-api-key": _create_api_key,
    "import-requests": _import_requests,
    "release-station": _release_station,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.database_url = args.database_url or default_url()
    try:
        return COMMANDS.get(args.command, _serve)(args)
    except DatabaseError as exc:
        print(f"relais-server: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
