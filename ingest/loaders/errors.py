class LoadError(Exception):
    """A file could not be read; the message says why and what to do."""
