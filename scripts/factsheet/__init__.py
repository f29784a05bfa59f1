"""Turn YAML records of incidents, people and casualty claims into a cited fact-sheet site."""

__version__ = "0.1.0"
