"""`python -m lianluo_desk`: the command line."""

from .cli import main

raise SystemExit(main())
