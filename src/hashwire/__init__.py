"""hashwire: a self-hostable news aggregation engine."""

__version__ = "0.1.0"
