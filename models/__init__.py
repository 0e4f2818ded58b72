"""The domain of Vertrouwd: pure Python (no Qt, no SQL, no file I/O)."""
