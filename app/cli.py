"""Command line: `relais` opens the console; `relais kb ...` works on the knowledge base."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.models.store import StoreError
from app.services import kb
from app.services.kb_files import KbFormatError
from app.services.snippets import to_text
from app.services.workspace import Workspace, open_workspace, resolve_data_dir

DEBUG_ENV = "RELAIS_DEBUG"


def _common(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="folder of the local store (default: $RELAIS_DATA_DIR, else the per-user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="relais", description="Relais, the console of Montréal's 311 agents."
    )
    parser.add_argument("--version", action="version", version=f"relais {__version__}")
    _common(parser, None)
    parser.add_argument("--lang", choices=("fr", "en"), help="language of the window")
    parser.add_argument(
        "--server",
        metavar="URL",
        help="the central store to sync with (remembered); without one the console is local",
    )
    parser.add_argument(
        "--ca-bundle", metavar="PEM", help="the city's CA certificates, to verify the server"
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check that this installation works (store, knowledge base, search, catalogue, "
        "Qt, translations) and print one line; uses a temporary store unless --data-dir is "
        "given",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser(
        "demo",
        help="start an embedded central store with demo data and open the console on it",
    )
    _common(demo, argparse.SUPPRESS)
    demo.add_argument("--lang", choices=("fr", "en"), help="language of the window")
    demo.add_argument(
        "--user",
        choices=("agent1", "agent2", "superviseur"),
        default="agent1",
        help="who the console signs in as (superviseur sees the service indicators)",
    )

    kb_parser = sub.add_parser("kb", help="knowledge base: import and search articles")
    kb_sub = kb_parser.add_subparsers(dest="kb_command", metavar="ACTION", required=True)

    imp = kb_sub.add_parser("import", help="load articles from a folder or a file")
    imp.add_argument("path", metavar="PATH")
    _common(imp, argparse.SUPPRESS)

    search = kb_sub.add_parser("search", help="search the knowledge base")
    search.add_argument("query", metavar="QUERY", nargs="+")
    search.add_argument("--limit", type=int, default=10, metavar="N")
    search.add_argument(
        "--lang",
        choices=("fr", "en"),
        default="fr",
        help="the agent's language, ranked first (default: fr)",
    )
    search.add_argument("--json", action="store_true", help="print a JSON list")
    _common(search, argparse.SUPPRESS)
    return parser


def _open(args: argparse.Namespace) -> Workspace:
    workspace = open_workspace(resolve_data_dir(args.data_dir))
    for warning in workspace.warnings:
        print(f"relais: warning: {warning}", file=sys.stderr)
    return workspace


def _kb_import(args: argparse.Namespace) -> int:
    workspace = _open(args)
    try:
        report = kb.import_path(workspace.store, Path(args.path))
    finally:
        workspace.close()
    print(f"Imported from {args.path}: {report}.")
    return 0


def _kb_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        print("relais: --limit must be 1 or more", file=sys.stderr)
        return 2
    workspace = _open(args)
    try:
        result = workspace.search(" ".join(args.query), lang=args.lang, limit=args.limit)
    finally:
        workspace.close()
    if args.json:
        print(json.dumps([h.as_json() for h in result.hits], ensure_ascii=False, indent=2))
        return 0
    if not result.hits:
        print("Aucun résultat. / No results.")
    elif result.relaxed:
        print(
            "Aucun article n'a tous les mots ; articles qui en ont une partie. "
            "/ No article has every word; these have some of them."
        )
    for i, hit in enumerate(result.hits, 1):
        print(f"{i:2}. {hit.title_text}  [{hit.article_id}, {hit.lang}, {hit.score:.2f}]")
        print(f"    {to_text(hit.snippet)}")
    return 0


def _window_can_open() -> bool:
    """Before Qt (and the demo's store) start: when Qt's window plugin cannot load, say
    which system packages it lacks instead of Qt's abort."""
    from app.ui.preflight import window_problem

    problem = window_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
    return problem is None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.self_check:
            from app.selfcheck import self_check

            return self_check(Path(args.data_dir).expanduser() if args.data_dir else None)
        if args.command == "kb" and args.kb_command == "import":
            return _kb_import(args)
        if args.command == "kb" and args.kb_command == "search":
            return _kb_search(args)
        if not _window_can_open():
            return 2
        if args.command == "demo":
            from app.demo import run_demo

            return run_demo(resolve_data_dir(args.data_dir), args.lang, args.user)
        from app.ui.main import run_gui

        return run_gui(
            resolve_data_dir(args.data_dir),
            lang=args.lang,
            server=args.server,
            ca_bundle=args.ca_bundle,
        )
    except KbFormatError as exc:
        print(f"relais: {exc}", file=sys.stderr)
        return 1
    except StoreError as exc:  # damaged, full, read-only, busy, too new: what and the fix
        print(f"relais: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one line, and the traceback only when asked for
        if os.environ.get(DEBUG_ENV):
            raise
        print(
            f"relais: internal error ({type(exc).__name__}); nothing more was changed. "
            f"Run again with {DEBUG_ENV}=1 to see the details, and report them.",
            file=sys.stderr,
        )
        return 1
