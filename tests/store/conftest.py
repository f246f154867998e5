from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.paths import bundled_content_root
from hemiapp.store.db import Database, open_database


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(bundled_content_root()).content


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "hemiguide.db", station="test-station")
    yield database
    database.close()
