"""Moved to tests/support/http.py (issue 17, item 4); this name stays for work in flight. Import from tests.support."""
from tests.support.http import (  # noqa: F401
    admin_headers, auth, consumer_headers, import_csv, search, skus, staff_token,
)
