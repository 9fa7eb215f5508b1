"""The command line: hashwire init | add | import-opml | crawl | run | worker | serve | search | newsroom | demo ..."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click

from .config import Config
from .errors import HashwireError

log = logging.getLogger("hashwire")


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(), "level": record.levelname,
                   "logger": record.name, "message": record.getMessage()}
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


def setup_logging(config: Config) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if config.log_format == "json":
        handler.setFormatter(_JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(str(config.log_level).upper())


class Ctx:
    def __init__(self, config: Config) -> None:
        self.config = config
        self._store: Any = None

    @property
    def store(self) -> Any:
        if self._store is None:
            from .store import open_store

            self._store = open_store(self.config.db)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


pass_ctx = click.make_pass_decorator(Ctx)


@click.group()
@click.option("--db", envvar="HASHWIRE_DB", default=None, help="Store URL (sqlite:///file.db or postgresql://...).")
@click.option("--config", "config_file", envvar="HASHWIRE_CONFIG", default=None, type=click.Path(dir_okay=False),
              help="TOML file of settings.")
@click.option("--allow-private", is_flag=True, default=None, help="Allow fetching loopback/private addresses.")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config_file: str | None, allow_private: bool | None) -> None:
    """hashwire: a self-hostable news aggregation engine."""
    config = Config({"db": db, "allow_private_networks": allow_private}, file=config_file)
    setup_logging(config)
    obj = Ctx(config)
    ctx.obj = obj
    ctx.call_on_close(obj.close)


@cli.command()
@pass_ctx
def init(ctx: Ctx) -> None:
    """Create (or upgrade) the store."""
    counts = ctx.store.counts()
    click.echo(f"store ready: {ctx.config.db} ({counts.get('articles', 0)} articles)")


@cli.command()
@click.argument("url")
@click.option("--kind", type=click.Choice(["auto", "feed", "sitemap", "page"]), default="auto",
              help="auto: a feed, or a site whose feed is discovered, or an article page.")
@pass_ctx
def add(ctx: Ctx, url: str, kind: str) -> None:
    """Add a feed, a site (its feed is discovered), a news sitemap or a single article URL."""
    from .sources import resolve_source

    source = asyncio.run(resolve_source(url, ctx.config, kind=kind))
    saved = ctx.store.add_source(source)
    click.echo(f"added {saved.kind} {saved.url} (id {saved.id}, {saved.title or 'untitled'})")


@cli.command("import-opml")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@pass_ctx
def import_opml(ctx: Ctx, file: str) -> None:
    """Add every feed listed in an OPML file."""
    from .feeds import parse_opml

    sources = parse_opml(Path(file).read_bytes())
    for source in sources:
        ctx.store.add_source(source)
    click.echo(f"imported {len(sources)} sources")


@cli.command("export-opml")
@pass_ctx
def export_opml(ctx: Ctx) -> None:
    """Print the sources as OPML."""
    from .feeds import write_opml

    click.echo(write_opml(ctx.store.list_sources()))


@cli.command()
@pass_ctx
def sources(ctx: Ctx) -> None:
    """List sources with their polling state and last error."""
    for s in ctx.store.list_sources():
        state = "disabled" if s.disabled else (s.last_status or "new")
        nxt = s.next_fetch_at.isoformat(timespec="minutes") if s.next_fetch_at else "now"
        click.echo(f"{s.id:>5} {state:<14} next {nxt:<22} {s.url}  {s.title}")
        if s.last_error:
            click.echo(f"      error ({s.error_count}x): {s.last_error}")


def _crawl_with_progress(ctx: Ctx, *, force: bool) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .ingest import Ingester

    ingester = Ingester(ctx.store, ctx.config)
    with Progress(TextColumn("[bold]crawling"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  transient=False) as bar:
        task = bar.add_task("crawl", total=None)

        def progress(_event: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        if force:
            return asyncio.run(ingester.crawl(force=True, progress=progress))

        async def all_due() -> Any:  # claims come in batches; keep claiming until nothing is due
            total = await ingester.crawl(progress=progress)
            while True:
                more = await ingester.crawl(progress=progress)
                if not more.sources:
                    return total
                total.merge(more)

        return asyncio.run(all_due())


@cli.command()
@click.option("--due-only", is_flag=True, help="Only sources whose next poll time has come.")
@pass_ctx
def crawl(ctx: Ctx, due_only: bool) -> None:
    """Fetch every source once, with a progress bar."""
    report = _crawl_with_progress(ctx, force=not due_only)
    click.echo(f"{report.sources} sources ({report.sources_failed} failed, {report.not_modified} unchanged), "
               f"{report.articles_new} new articles, {report.duplicates_folded} duplicates folded, "
               f"{report.rejected} pages rejected, {report.seconds:.1f}s")
    for url, why in sorted(report.failures.items()):
        click.echo(f"  failed: {url}: {why}")


@cli.command()
@click.option("--once", is_flag=True, help="Claim and crawl due sources once, then exit.")
@click.option("--idle", default=5.0, help="Seconds to wait when no source is due.")
@click.option("--print-acks", is_flag=True,
              help="Print 'ack <article id>' on stdout for each article once its transaction committed.")
@pass_ctx
def worker(ctx: Ctx, once: bool, idle: float, print_acks: bool) -> None:
    """Claim due sources and ingest them, for ever (run many, on many machines, with PostgreSQL)."""
    from .ingest import Ingester
    from .models import Article
    from .workers import run_worker

    def acknowledge(batch: list[Article]) -> None:
        sys.stdout.write("".join(f"ack {a.id}\n" for a in batch))
        sys.stdout.flush()

    ingester = Ingester(ctx.store, ctx.config, worker=f"{os.uname().nodename}:{os.getpid()}",
                        on_saved=acknowledge if print_acks else None)
    asyncio.run(run_worker(ingester, once=once, idle_seconds=idle))


@cli.command()
@click.option("--host", default=None)
@click.option("--port", default=None, type=int)
@pass_ctx
def serve(ctx: Ctx, host: str | None, port: int | None) -> None:
    """Serve the site, the API and the feeds."""
    from .webserver import serve_forever

    serve_forever(ctx.store, ctx.config, host=host, port=port)


@cli.command()
@click.option("--host", default=None)
@click.option("--port", default=None, type=int)
@pass_ctx
def run(ctx: Ctx, host: str | None, port: int | None) -> None:
    """Scheduler and web server in one process (the single-machine deployment)."""
    from .ingest import Ingester
    from .webserver import serve_forever

    ingester = Ingester(ctx.store, ctx.config)
    serve_forever(ctx.store, ctx.config, host=host, port=port, ingester=ingester)


@cli.command()
@click.argument("query")
@click.option("--limit", default=10)
@click.option("--recent", is_flag=True, help="Newest first instead of by relevance.")
@pass_ctx
def search(ctx: Ctx, query: str, limit: int, recent: bool) -> None:
    """Search the stored articles."""
    from .store import ArticleQuery

    hits = ctx.store.search(query, ArticleQuery(limit=limit), order="recent" if recent else "relevance")
    for hit in hits:
        a = hit.article
        when = a.published.date().isoformat() if a.published else "----------"
        click.echo(f"{when}  {a.source_name[:20]:<20}  {a.title}\n            /en/article/{a.id}")
    if not hits:
        click.echo("no match")


@cli.command()
@pass_ctx
def stats(ctx: Ctx) -> None:
    """Counts of the store, sources by polling state and the store's size on disk (JSON)."""
    report: dict[str, object] = dict(ctx.store.counts())
    report["sources_by_state"] = ctx.store.source_states(datetime.now(UTC))
    report["size_bytes"] = ctx.store.size_bytes()
    click.echo(json.dumps(report, indent=2))


@cli.command()
@click.option("--days", type=int, default=None, help="Prune bodies older than this (default: retention_days).")
@pass_ctx
def prune(ctx: Ctx, days: int | None) -> None:
    """Drop old article bodies; stories, tags and counts stay."""
    keep = days if days is not None else ctx.config.retention_days
    if not keep:
        raise click.UsageError("retention is off: pass --days N or set HASHWIRE_RETENTION_DAYS")
    n = ctx.store.prune_bodies(datetime.now(UTC) - timedelta(days=keep))
    click.echo(f"pruned {n} article bodies")


@cli.command()
@click.option("--host", default="127.0.0.1")
@click.option("--port", default=8001, type=int)
@click.option("--seed", default=7, type=int)
@click.option("--outlets", default=20, type=int)
@click.option("--days", default=3, type=int)
@click.option("--per-day", default=8, type=int, help="Articles per outlet per day.")
@click.option("--live", is_flag=True, help="Keep publishing by the clock for --days more days.")
@click.option("--truth", "truth_path", default=None, type=click.Path(dir_okay=False), help="Write the ground truth here.")
def newsroom(host: str, port: int, seed: int, outlets: int, days: int, per_day: int, live: bool,
             truth_path: str | None) -> None:
    """Serve the simulated newsroom on loopback (the demo's and the tests' sources)."""
    from .newsroom import run as run_newsroom

    run_newsroom(host=host, port=port, seed=seed, outlets=outlets, days=days, truth_path=truth_path,
                 per_day=per_day, live=live)


@cli.command()
@click.option("--check", is_flag=True, help="Do not serve: score against the newsroom's truth and exit 0 only if it holds.")
@click.option("--db", "demo_db", default="hashwire-demo.db", show_default=True)
@click.option("--port", default=8000, type=int)
@click.option("--seed", default=7, type=int)
@click.option("--outlets", default=20, type=int)
@click.option("--days", default=3, type=int)
@click.option("--keep", is_flag=True, help="Keep an existing demo database instead of starting afresh.")
def demo(check: bool, demo_db: str, port: int, seed: int, outlets: int, days: int, keep: bool) -> None:
    """Start the local newsroom, crawl it, print a summary and serve the site."""
    from .demo import run_demo

    code = run_demo(check=check, db_path=demo_db, port=port, seed=seed, outlets=outlets, days=days, keep=keep)
    sys.exit(code)


@cli.command("fetch")
@click.argument("url")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
def fetch_cmd(ctx: Ctx, url: str, as_json: bool) -> None:
    """Fetch and parse one feed or page, and say what was found (or why it was refused)."""
    from .fetch import fetch_and_describe

    info = asyncio.run(fetch_and_describe(url, ctx.config))
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2, default=str))
    else:
        for key, value in info.items():
            click.echo(f"{key}: {value}")
    if info.get("error"):
        sys.exit(1)


@cli.command("extract")
@click.argument("target")
@click.option("--url", default=None, help="The page's URL (for a file).")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
def extract_cmd(ctx: Ctx, target: str, url: str | None, as_json: bool) -> None:
    """Extract the article of a saved page or a URL."""
    from .extract import extract
    from .page_charset import decode_page
    from .sources import fetch_page_text

    if Path(target).exists():
        html = decode_page(Path(target).read_bytes())
        page_url = url or Path(target).resolve().as_uri()
    else:
        html, page_url = asyncio.run(fetch_page_text(target, ctx.config))
    article = extract(html, page_url)
    if as_json:
        from dataclasses import asdict

        fields = {k: v for k, v in asdict(article).items() if k != "embedding"}
        click.echo(json.dumps(fields, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(f"# {article.title}\n{', '.join(article.authors)} {article.published or ''}\n\n{article.text}")


@cli.command("cluster")
@click.option("--input", "input_path", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--output", "output_path", required=True, type=click.Path(dir_okay=False))
@click.option("--embeddings", is_flag=True,
              help="Add sentence embeddings to story similarity (English; needs the optional extra: "
                   "pip install -e '.[embeddings]').")
def cluster_cmd(input_path: str, output_path: str, embeddings: bool) -> None:
    """Group an archive of articles (JSONL) into stories with the online algorithm, in input order."""
    from functools import partial

    from .cluster_offline import cluster_records

    if embeddings:
        from .story_embeddings import load_embedder

        _map_jsonl(input_path, output_path, partial(cluster_records, embedder=load_embedder()))
    else:
        _map_jsonl(input_path, output_path, cluster_records)


@cli.command("tag")
@click.option("--input", "input_path", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--output", "output_path", required=True, type=click.Path(dir_okay=False))
def tag_cmd(input_path: str, output_path: str) -> None:
    """Hashtags, keyphrases and category for an archive of articles (JSONL)."""
    from .tag_offline import tag_records

    _map_jsonl(input_path, output_path, tag_records)


def _map_jsonl(input_path: str, output_path: str, fn: Any) -> None:
    def records() -> Any:
        with open(input_path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise click.ClickException(f"{input_path}:{n}: not JSON: {exc}") from exc

    count = 0
    with open(output_path, "w", encoding="utf-8") as out:
        for row in fn(records()):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    click.echo(f"wrote {count} lines to {output_path}")


def main() -> None:
    try:
        cli(standalone_mode=True)
    except HashwireError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
