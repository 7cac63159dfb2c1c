"""Run folders and the SQLite index of runs."""
