"""Exchange: signing keys, the .vstat format, verification, combining and the supervisor store."""
