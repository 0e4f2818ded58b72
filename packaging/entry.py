"""Entry point of the frozen program (packaging/vertrouwd.spec); both executables run it.

`Vertrouwd` (windowed) opens the window without a command; `vertrouwd-cli` (console) is the command line
and prints its help when started without one.
"""
import sys
from pathlib import Path

from main import main

if __name__ == "__main__":
    argv = sys.argv[1:]
    if not argv and Path(sys.executable).stem.lower() == "vertrouwd-cli":
        argv = ["--help"]
    sys.exit(main(argv))
