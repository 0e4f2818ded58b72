"""Exchange: the .vstat format and its checks, combining with its audit, the supervisor store, rendering combinations."""
