"""SQLite persistence (sessions, staff, audit). No Qt here."""
