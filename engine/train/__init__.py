"""Training: the loop, its control (pause/resume/stop), its events and checkpoints."""
