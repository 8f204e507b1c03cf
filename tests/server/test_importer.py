"""Import of the city's "Requêtes 311" open-data export: mapping, idempotent re-runs, status
refreshes, row errors, the change feed, and memory that does not grow with the file."""

from __future__ import annotations

import csv
import io
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.request_terms import CLOSED_STATUSES
from app.server.catalogue_store import CatalogueCache
from app.server.db import Database
from app.server.feed import changes_since
from app.server.importer import (
    ImportFileError,
    ImportProgress,
    ImportReport,
    import_requests,
    progress_bar,
)
from app.server.models import RequestEvent, ServiceRequest
from app.server.request_ops import record_of

SAMPLE = Path(__file__).parents[1] / "data" / "requetes311-sample.csv"
SAMPLE_ROWS, SAMPLE_GOOD = 31, 25
HEADER = (
    "ID_UNIQUE,NATURE,ACTI_NOM,TYPE_LIEU_INTERV,RUE,RUE_INTERSECTION1,RUE_INTERSECTION2,"
    "LIN_CODE_POSTAL,ARRONDISSEMENT,ARRONDISSEMENT_GEO,UNITE_RESP_PARENT,DDS_DATE_CREATION,"
    "PROVENANCE_ORIGINALE,PROVENANCE_TELEPHONE,PROVENANCE_COURRIEL,PROVENANCE_PERSONNE,"
    "PROVENANCE_COURRIER,PROVENANCE_TELECOPIEUR,PROVENANCE_INSTANCE,PROVENANCE_MOBILE,"
    "PROVENANCE_MEDIASOCIAUX,PROVENANCE_SITEINTERNET,PROVENANCE_AUTREGARDEDESCHIENS,"
    "LOC_LAT,LOC_LONG,LOC_X,LOC_Y,LOC_ERREUR_GDT,DERNIER_STATUT,DATE_DERNIER_STATUT"
)
# Memory traced while importing with batch_size=2000, measured on SQLite and PostgreSQL:
# a peak of 12.5-12.7 MB for 20 000 rows as for 200 000, and 2.6-3.3 MB held between
# batches whatever the row count. Bounds with margin; holding even 10 bytes per row for
# 200 000 rows would break the second.
MEMORY_BOUND = 32 * 1024 * 1024
MEMORY_GROWTH = 2 * 1024 * 1024


def import_file(
    db: Database,
    path: Path,
    *,
    batch_size: int = 1000,
    progress: Callable[[ImportProgress], None] | None = None,
) -> ImportReport:
    return import_requests(db, path, actor="import", batch_size=batch_size, progress=progress)


def requests_by_case(db: Database) -> dict[str, ServiceRequest]:
    with db.read() as session:
        return {r.case_number: r for r in session.scalars(select(ServiceRequest))}


def events_of(db: Database, case_number: str) -> list[RequestEvent]:
    with db.read() as session:
        return list(
            session.scalars(
                select(RequestEvent)
                .join(ServiceRequest, ServiceRequest.id == RequestEvent.request_id)
                .where(ServiceRequest.case_number == case_number)
                .order_by(RequestEvent.id)
            )
        )


def request_changes(db: Database) -> list[dict[str, Any]]:
    return [c for c in changes_since(db, None, 5000)["changes"] if c["entity"] == "request"]


def csv_line(**values: str) -> str:
    """A data row of the export: every column empty unless given."""
    row = {name: "" for name in HEADER.split(",")}
    row.update(values)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(row.values())
    return out.getvalue()


def good_line(external_id: str, **values: str) -> str:
    defaults = {
        "ID_UNIQUE": external_id,
        "NATURE": "Requete",
        "ACTI_NOM": "Nid-de-poule",
        "RUE": "Rue Saint-Denis",
        "LIN_CODE_POSTAL": "H2X",
        "ARRONDISSEMENT": "Le Plateau-Mont-Royal",
        "DDS_DATE_CREATION": "2023-03-01T09:00:00",
        "PROVENANCE_ORIGINALE": "Telephone",
        "PROVENANCE_TELEPHONE": "1",
        "DERNIER_STATUT": "Terminée",
        "DATE_DERNIER_STATUT": "2023-03-02T09:00:00",
    }
    return csv_line(**(defaults | values))


def write_csv(path: Path, *lines: str, header: str = HEADER) -> Path:
    path.write_text(header + "\r\n" + "".join(lines), encoding="utf-8")
    return path


# --- The sample export -----------------------------------------------------------------------


def test_sample_import_counts_and_row_errors(server_db: Database) -> None:
    report = import_file(server_db, SAMPLE)
    assert (report.rows_read, report.created, report.updated, report.unchanged) == (
        SAMPLE_ROWS,
        SAMPLE_GOOD,
        0,
        0,
    )
    assert report.error_count == 6
    assert [(e.line, e.column) for e in report.errors] == [
        (26, "DDS_DATE_CREATION"),
        (27, "ID_UNIQUE"),
        (28, "NATURE"),
        (29, "LOC_LAT"),
        (30, ""),
        (31, "ID_UNIQUE"),
    ]
    assert "2022-13-45" in report.errors[0].message
    assert "Suggestion" in report.errors[2].message
    assert "5 fields" in report.errors[4].message
    assert "line 2" in report.errors[5].message  # the first 22-000101 was kept
    assert str(report) == "31 rows read: 25 created, 0 updated, 0 unchanged, 6 rejected"
    assert len(requests_by_case(server_db)) == SAMPLE_GOOD


def test_sample_fields_are_mapped(server_db: Database) -> None:
    import_file(server_db, SAMPLE)
    got = requests_by_case(server_db)

    winter = got["22-000101"]  # 2022-01-03 10:35:27 in Montréal, EST (UTC-5)
    assert winter.created_at == datetime(2022, 1, 3, 15, 35, 27, tzinfo=UTC)
    assert winter.updated_at == datetime(2022, 1, 10, 19, 2, 11, tzinfo=UTC)
    assert (winter.nature, winter.channel, winter.status) == ("request", "phone", "terminee")
    assert (winter.source, winter.external_id, winter.revision) == ("import", "22-000101", 1)
    assert (winter.street, winter.postal_code) == ("Rue Saint-Denis", "H2X")
    assert winter.arrondissement == "Le Plateau-Mont-Royal"
    assert winter.responsible_unit == "Direction des travaux publics"
    assert (winter.lat, winter.long) == (45.5205, -73.5752)
    assert (winter.due_at, winter.agent, winter.updated_by) == (None, "", "import")
    assert (winter.attributes, winter.field_revisions, winter.description) == ({}, {}, "")

    summer = got["22-045678"]  # 2022-07-15 08:12:00 in Montréal, EDT (UTC-4)
    assert summer.created_at == datetime(2022, 7, 15, 12, 12, tzinfo=UTC)
    assert (summer.nature, summer.channel, summer.status) == (
        "complaint",
        "email",
        "prise_en_charge",
    )

    expected = {  # case: (nature, channel, status)
        "22-000102": ("information", "web", "terminee"),
        "22-000103": ("comment", "mobile", "acceptee"),
        "22-000104": ("request", "counter", "terminee"),
        "22-000105": ("request", "phone", "urgente"),
        "22-000106": ("request", "phone", "transmise"),
        "22-000107": ("complaint", "mail", "refusee"),
        "22-000108": ("request", "social", "annulee"),
        "22-000109": ("request", "mail", "reactivee"),  # by fax
        "22-000110": ("information", "mail", "terminee"),  # "Instance"; "Terminee" unaccented
        "22-000111": ("request", "email", "terminee"),  # channel from the count columns
    }
    assert {
        case: (got[case].nature, got[case].channel, got[case].status) for case in expected
    } == expected

    assert got["22-000104"].service_name == "Déneigement, trottoir glacé"  # quoted comma
    assert got["22-000105"].street == "Boulevard Saint-Laurent / Rue Sainte-Catherine Ouest"
    assert got["22-000122"].street == "Rue Jarry Est"
    assert got["22-000115"].postal_code == "H2K"
    assert got["22-000117"].postal_code == "H4G 1V3"
    assert (got["22-000102"].lat, got["22-000102"].long, got["22-000102"].street) == (
        None,
        None,
        "",
    )
    assert got["22-000118"].updated_at == got["22-000118"].created_at  # no status date


def test_unknown_activity_gets_an_import_code(server_db: Database, tmp_path: Path) -> None:
    name = "Zorglub : activité inconnue de très longue description"
    path = write_csv(tmp_path / "one.csv", good_line("23-0000001", ACTI_NOM=name))
    import_file(server_db, path)
    req = requests_by_case(server_db)["23-0000001"]
    assert req.service_code == "IMPORT-ZORGLUB-ACTIVITE-INCONNUE-DE-TRES"
    assert req.service_name == name


def test_activity_matches_a_catalogue_service_ignoring_accents_and_case(
    server_db: Database, tmp_path: Path
) -> None:
    with server_db.read() as session:
        service = next(iter(CatalogueCache().get(session).services.values()))
    shouted = service.name_fr.upper().replace("É", "E").replace("È", "E").replace("Ê", "E")
    path = write_csv(tmp_path / "one.csv", good_line("23-0000001", ACTI_NOM=shouted))
    assert import_file(server_db, path).created == 1
    req = requests_by_case(server_db)["23-0000001"]
    assert (req.service_code, req.service_name) == (service.code, shouted)


def test_events_of_an_imported_request(server_db: Database) -> None:
    import_file(server_db, SAMPLE)
    closed = events_of(server_db, "22-000101")
    assert [(e.kind, e.at, e.data) for e in closed] == [
        (
            "created",
            datetime(2022, 1, 3, 15, 35, 27, tzinfo=UTC),
            {"source": "import", "channel": "phone"},
        ),
        (
            "status",
            datetime(2022, 1, 10, 19, 2, 11, tzinfo=UTC),
            {"from": "transmise", "to": "terminee", "notes": ""},
        ),
    ]
    assert [e.kind for e in events_of(server_db, "22-000106")] == ["created"]  # still initial


# --- Re-imports ---------------------------------------------------------------------------


def test_reimport_creates_nothing(server_db: Database) -> None:
    import_file(server_db, SAMPLE)
    published = len(request_changes(server_db))
    again = import_file(server_db, SAMPLE)
    assert (again.created, again.updated, again.unchanged) == (0, 0, SAMPLE_GOOD)
    assert len(requests_by_case(server_db)) == SAMPLE_GOOD
    assert len(request_changes(server_db)) == published


def test_newer_status_updates_the_request(server_db: Database, tmp_path: Path) -> None:
    import_file(server_db, SAMPLE)
    text = SAMPLE.read_text(encoding="utf-8-sig")
    old = "Transmise pour traitement,2022-01-10T08:01:05"
    assert old in text
    path = tmp_path / "later.csv"
    path.write_text(text.replace(old, "Terminée,2022-01-12T10:00:00"), encoding="utf-8-sig")

    report = import_file(server_db, path)
    assert (report.created, report.updated, report.unchanged) == (0, 1, SAMPLE_GOOD - 1)
    req = requests_by_case(server_db)["22-000106"]
    assert (req.status, req.revision, req.field_revisions) == ("terminee", 2, {"status": 2})
    assert req.updated_at == datetime(2022, 1, 12, 15, tzinfo=UTC)
    events = events_of(server_db, "22-000106")
    assert [(e.kind, e.data) for e in events] == [
        ("created", {"source": "import", "channel": "phone"}),
        ("status", {"from": "transmise", "to": "terminee", "notes": ""}),
    ]
    latest = request_changes(server_db)[-1]
    assert (latest["id"], latest["revision"]) == (req.id, 2)
    data = latest["data"]
    assert data["status"] == "terminee"
    assert [e["kind"] for e in data["events"]] == ["created", "status"]
    with server_db.read() as session:
        assert data == record_of(session, req)
    assert import_file(server_db, path).updated == 0  # and that is now known


def test_same_status_at_a_later_date_is_a_new_transition(
    server_db: Database, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "a.csv", good_line("23-0000001"))
    import_file(server_db, first)
    reopened_closed = write_csv(
        tmp_path / "b.csv", good_line("23-0000001", DATE_DERNIER_STATUT="2023-04-01 12:00:00")
    )
    assert import_file(server_db, reopened_closed).updated == 1
    req = requests_by_case(server_db)["23-0000001"]
    assert (req.status, req.revision, req.field_revisions) == ("terminee", 2, {})
    assert [e.kind for e in events_of(server_db, "23-0000001")] == [
        "created",
        "status",
        "status",
    ]


def test_id_used_as_another_requests_case_number_is_refused(
    server_db: Database, tmp_path: Path
) -> None:
    import_file(server_db, write_csv(tmp_path / "a.csv", good_line("23-0000001")))
    with server_db.work("test") as work:  # as if a console request had that number
        req = work.session.scalar(select(ServiceRequest))
        assert req is not None
        req.external_id = None
    report = import_file(server_db, write_csv(tmp_path / "b.csv", good_line("23-0000001")))
    assert (report.created, report.updated, report.unchanged) == (0, 0, 0)
    assert [(e.line, e.column) for e in report.errors] == [(2, "ID_UNIQUE")]


# --- Errors ------------------------------------------------------------------------------


def test_unknown_values_are_row_errors(server_db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "bad.csv",
        good_line("23-0000001", DERNIER_STATUT="En attente"),
        good_line("23-0000002", PROVENANCE_ORIGINALE="Pigeon voyageur", PROVENANCE_TELEPHONE=""),
        good_line("23-0000003", PROVENANCE_ORIGINALE="", PROVENANCE_TELEPHONE="0"),
        good_line("23-0000004", PROVENANCE_ORIGINALE="Formulaire Internet"),
        good_line("23-0000005", LOC_LAT="95", LOC_LONG="-73.5"),
        good_line("23-0000006", LOC_LAT="45.5"),
        good_line("23-0000007", DATE_DERNIER_STATUT="hier"),
        good_line("23-0000008", ACTI_NOM=""),
        good_line("23-0000009", DDS_DATE_CREATION="2023-03-01"),
    )
    report = import_file(server_db, path)
    assert [(e.line, e.column) for e in report.errors] == [
        (2, "DERNIER_STATUT"),
        (3, "PROVENANCE_ORIGINALE"),
        (4, "PROVENANCE_ORIGINALE"),
        (6, "LOC_LAT"),
        (7, "LOC_LONG"),
        (8, "DATE_DERNIER_STATUT"),
        (9, "ACTI_NOM"),
    ]
    assert "Pigeon voyageur" in report.errors[1].message
    assert report.created == 2
    got = requests_by_case(server_db)
    assert got["23-0000004"].channel == "web"
    assert got["23-0000009"].created_at == datetime(2023, 3, 1, 5, tzinfo=UTC)  # midnight EST


def test_multiline_quoted_field_reports_its_first_line(server_db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "multi.csv",
        good_line("23-0000001", RUE="Rue\nSaint-Denis"),
        good_line("23-0000002", NATURE="Demande"),
    )
    report = import_file(server_db, path)
    assert [(e.line, e.column) for e in report.errors] == [(4, "NATURE")]


def test_missing_required_column_stops_before_any_row(server_db: Database, tmp_path: Path) -> None:
    header = HEADER.replace("NATURE,", "").replace("DERNIER_STATUT,", "")
    path = write_csv(tmp_path / "partial.csv", "22-1,Nid-de-poule\r\n", header=header)
    with pytest.raises(ImportFileError, match="NATURE, DERNIER_STATUT"):
        import_file(server_db, path)
    assert requests_by_case(server_db) == {}
    assert request_changes(server_db) == []


def test_semicolons_and_empty_files_are_explained(server_db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "excel.csv", header=HEADER.replace(",", ";"))
    with pytest.raises(ImportFileError, match="semicolons"):
        import_file(server_db, path)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ImportFileError, match="empty"):
        import_file(server_db, empty)


def test_file_not_in_utf8_is_a_file_error(server_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "\r\n" + good_line("23-0000001")).encode("latin-1"))
    with pytest.raises(ImportFileError, match="line 2 is not UTF-8"):
        import_file(server_db, path)


def test_error_report_file(server_db: Database, tmp_path: Path) -> None:
    report = import_file(server_db, SAMPLE)
    out = tmp_path / "errors.csv"
    report.write_errors(out)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["line", "column", "message"]
    assert rows[1][:2] == ["26", "DDS_DATE_CREATION"]
    assert len(rows) == 1 + report.error_count


def test_only_the_first_errors_are_kept_but_all_are_counted(
    server_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER + "\r\n")
        out.writelines("x\r\n" for _ in range(1200))
    report = import_file(server_db, path)
    assert (report.error_count, len(report.errors)) == (1200, 1000)
    written = tmp_path / "errors.csv"
    report.write_errors(written)
    last = written.read_text(encoding="utf-8-sig").splitlines()[-1]
    assert "200 more errors" in last


# --- Feed and progress --------------------------------------------------------------------


def test_feed_publishes_open_and_recent_requests_only(server_db: Database) -> None:
    import_file(server_db, SAMPLE, batch_size=7)
    changes = request_changes(server_db)
    got = requests_by_case(server_db)
    # The sample is from 2022: only its requests still open reach the workstations.
    still_open = {r.id for r in got.values() if r.status not in CLOSED_STATUSES}
    assert still_open and sorted(c["id"] for c in changes) == sorted(still_open)
    assert all(c["data"]["source"] == "import" for c in changes)
    # Built from the inserted values, each record is the one the database gives back.
    with server_db.read() as session:
        for change in changes:
            req = session.get(ServiceRequest, change["id"])
            assert req is not None
            assert change["data"] == record_of(session, req)


def test_recent_closed_requests_are_published(server_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "recent.csv"
    lines = SAMPLE.read_text(encoding="utf-8-sig").splitlines()
    header, row = lines[0], next(line for line in lines[1:] if line.startswith("22-000101,"))
    recent = row.replace("2022-01-03", f"{datetime.now(UTC).year}-01-02")
    path.write_text(header + "\n" + recent + "\n", encoding="utf-8")
    import_file(server_db, path)
    [change] = request_changes(server_db)
    assert (change["data"]["case_number"], change["data"]["status"]) == ("22-000101", "terminee")


def test_progress_reports_bytes_and_rows(server_db: Database, tmp_path: Path) -> None:
    seen: list[ImportProgress] = []
    import_file(server_db, SAMPLE, batch_size=10, progress=seen.append)
    total = SAMPLE.stat().st_size
    assert [p.rows for p in seen] == [10, 20, 30, 31]
    assert all(p.bytes_total == total for p in seen)
    assert [p.bytes_read for p in seen] == sorted(p.bytes_read for p in seen)
    assert 0 < seen[0].bytes_read < total and seen[-1].bytes_read == total


def test_progress_bar_draws_one_line() -> None:
    stream = io.StringIO()
    draw = progress_bar(stream)
    draw(ImportProgress(10, 100, 5))
    draw(ImportProgress(20, 100, 10))  # too soon after the first: skipped
    draw(ImportProgress(100, 100, 50))  # the last one is always drawn
    draw(ImportProgress(100, 100, 50))
    text = stream.getvalue()
    assert text.count("\r") == 2 and text.endswith("\n") and text.count("\n") == 1
    assert " 10%" in text and "100%" in text and "50 rows" in text and "rows/s" in text


# --- Large files --------------------------------------------------------------------------

NATURES = ("Requete", "Plainte", "Information", "Commentaire")
STATUSES = ("Terminée", "Transmise pour traitement", "Prise en charge", "Acceptée", "Refusée")
CHANNELS = ("Telephone", "Courriel", "Site internet", "Application mobile", "Personne")
ACTIVITIES = (
    "Nid-de-poule",
    "Déneigement - Trottoir",
    "Collecte - bac non ramassé",
    "Bruit - Voisinage",
    "Lampadaire - éteint",
    "Arbre public - élagage",
)
BOROUGHS = ("Ville-Marie", "Le Plateau-Mont-Royal", "Rosemont - La Petite-Patrie", "Verdun")


def generated_lines(count: int) -> Iterator[str]:
    for i in range(count):
        month, day, hour = 1 + i % 12, 1 + i % 28, i % 24
        yield (
            f"23-{i:07d},{NATURES[i % 4]},{ACTIVITIES[i % 6]},Rue,Rue {i % 997},,,H2X,"
            f"{BOROUGHS[i % 4]},{BOROUGHS[i % 4]},Direction des travaux publics,"
            f"2023-{month:02d}-{day:02d}T{hour:02d}:15:00,{CHANNELS[i % 5]},1,0,0,0,0,0,0,0,0,0,"
            f"45.5{i % 1000:03d},-73.5{i % 1000:03d},299345.12,5041234.56,0,{STATUSES[i % 5]},"
            f"2023-{month:02d}-{day:02d} {hour:02d}:45:00\r\n"
        )


def generated_csv(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("\ufeff" + HEADER + "\r\n")
        out.writelines(generated_lines(count))
    return path


@dataclass
class Traced:
    report: ImportReport
    peak: int  # the most memory traced at once during the import
    growth: int  # what is still held after the last batch, over after the first
    seconds: float


def import_traced(db: Database, path: Path) -> Traced:
    held: list[int] = []
    tracemalloc.start()
    try:
        started = time.perf_counter()
        report = import_file(
            db,
            path,
            batch_size=2000,
            progress=lambda _: held.append(tracemalloc.get_traced_memory()[0]),
        )
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return Traced(report, peak, held[-1] - held[0], elapsed)


def test_memory_stays_flat_on_10_000_rows(server_db: Database, tmp_path: Path) -> None:
    traced = import_traced(server_db, generated_csv(tmp_path / "big.csv", 10_000))
    assert (traced.report.created, traced.report.error_count) == (10_000, 0)
    assert traced.peak < MEMORY_BOUND, f"peak {traced.peak / 2**20:.1f} MB"
    assert traced.growth < MEMORY_GROWTH, f"grew by {traced.growth / 2**20:.1f} MB"


@pytest.mark.slow
def test_memory_stays_flat_on_200_000_rows(server_db: Database, tmp_path: Path) -> None:
    traced = import_traced(server_db, generated_csv(tmp_path / "big.csv", 200_000))
    assert (traced.report.created, traced.report.error_count) == (200_000, 0)
    assert traced.peak < MEMORY_BOUND, f"peak {traced.peak / 2**20:.1f} MB"
    assert traced.growth < MEMORY_GROWTH, f"grew by {traced.growth / 2**20:.1f} MB"
    print(f"\n200 000 rows in {traced.seconds:.1f} s (traced), peak {traced.peak / 2**20:.1f} MB")
