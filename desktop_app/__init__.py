"""ModelDesk's Qt window. Threads are made in `desktop_app.workers` and nowhere else."""
