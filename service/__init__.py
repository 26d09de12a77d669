"""The HTTP service over an index: search, cited answers, conversations, the chat widget."""

import ingest  # noqa: F401  (sets the offline switches before any library is imported)
