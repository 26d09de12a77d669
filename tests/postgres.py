"""A real PostgreSQL server for the tests: Debian's binaries (``make setup`` installs the ``postgresql``
package), a cluster made with ``initdb`` in a temporary folder, listening on a free loopback port; a fresh
database per use. As root, the server runs as the ``postgres`` user (PostgreSQL refuses to run as root)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from eval.bench_queries import free_port, stop, wait_until


def binary(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if found is None:
        pytest.fail(f"PostgreSQL's {name} is not installed: run `make setup` (it installs Debian's postgresql "
                    "package), or `sudo apt-get install -y postgresql`; these tests are never skipped")
    return found


def _as_server_user(folder: Path) -> Callable[[], None] | None:
    """When running as root: hand ``folder`` to the postgres user and return a function that becomes it."""
    if os.geteuid() != 0:
        return None
    user = pwd.getpwnam("postgres" if _has_user("postgres") else "nobody")
    for path in (folder, *folder.rglob("*")):
        os.chown(path, user.pw_uid, user.pw_gid)

    def become() -> None:
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)

    return become


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


@contextmanager
def postgres_server() -> Iterator[str]:
    """``postgresql://inspect@127.0.0.1:PORT`` (no database part) for a server that lives while the block runs;
    its files are in a folder of its own under the system's temporary folder (the server's user must be able to
    reach it), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="inspect-postgres-"))
    try:
        yield from _serve(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _serve(folder: Path) -> Iterator[str]:
    import psycopg

    become = _as_server_user(folder)
    data, port = folder / "data", free_port()
    subprocess.run([binary("initdb"), "-D", str(data), "-U", "inspect", "-A", "trust", "-E", "UTF8", "--no-sync"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=become)
    command = [binary("postgres"), "-D", str(data), "-p", str(port), "-k", str(folder), "-c",
               "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=become)
    base = f"postgresql://inspect@127.0.0.1:{port}"

    def accepts() -> bool:
        try:
            psycopg.connect(f"{base}/postgres", connect_timeout=2).close()
            return True
        except psycopg.OperationalError:
            return False

    try:
        wait_until(accepts, 60, "PostgreSQL", process)
        yield base
    finally:
        stop(process, timeout_s=20)


def new_database(base: str) -> str:
    """A fresh, empty database on the server at ``base``; its URL."""
    import psycopg

    name = "t" + uuid.uuid4().hex[:12]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"{base}/{name}"
