"""Model architectures, registered by name (see `engine.models.registry`)."""
