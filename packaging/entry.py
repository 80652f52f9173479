"""The bundle's program: the command line, which opens the app when given no command or an
issue file (as a double-click in the file manager does)."""

from lianluo_desk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
