"""Read inspection reports, find their structure and metadata, and index them for search.

Importing this package is cheap: it only sets the offline switches that the libraries below read
(Chroma telemetry, Hugging Face hub, onnxruntime), before any of them is imported.
"""

import os

for _name, _value in {
    "ANONYMIZED_TELEMETRY": "False",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ORT_DISABLE_TELEMETRY": "1",
    "TOKENIZERS_PARALLELISM": "false",
}.items():
    os.environ.setdefault(_name, _value)
